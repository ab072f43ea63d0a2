package dev.certa.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certa.core.csr.Csr;
import dev.certa.core.error.CertaException;
import dev.certa.core.io.Durations;
import dev.certa.core.issue.IssuedCertificate;
import dev.certa.core.pem.PemReader;
import dev.certa.server.http.ApiRequest;
import dev.certa.server.http.Json;
import dev.certa.server.http.ProblemException;
import dev.certa.server.http.Reply;
import dev.certa.server.http.Router;
import dev.certa.server.ra.RegistrationAuthority;
import dev.certa.server.ra.TokenVerifier;
import dev.certa.server.ra.VerifiedToken;
import dev.certa.server.revocation.RevocationService;
import dev.certa.store.CertificateLedger;
import dev.certa.store.CertificateQuery;
import dev.certa.store.RevokeOutcome;
import dev.certa.store.StoredCertificate;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The signing API (see docs/api/openapi.yaml): {@code POST /sign} with a one-time token,
 * {@code POST /renew} over mTLS, {@code POST /revoke} by an admin or the holder, {@code GET /certs}
 * for admins. The front end: it parses and answers; the RA decides and has the signer sign. It holds
 * nothing that signs.
 */
public final class SigningApi {
    private final Json json;
    private final TokenVerifier tokens;
    private final RegistrationAuthority ra;
    private final RevocationService revocation;
    private final CertificateLedger ledger;
    private final AdminAuth admin;
    private final Counter issued;
    private final Counter renewed;

    public SigningApi(Json json, TokenVerifier tokens, RegistrationAuthority ra, RevocationService revocation,
            CertificateLedger ledger, AdminAuth admin, MeterRegistry meters) {
        this.json = json;
        this.tokens = tokens;
        this.ra = ra;
        this.revocation = revocation;
        this.ledger = ledger;
        this.admin = admin;
        this.issued = Counter.builder("certa_certificates_issued").tag("action", "sign").register(meters);
        this.renewed = Counter.builder("certa_certificates_issued").tag("action", "renew").register(meters);
    }

    public void register(Router router) {
        router.add("POST", "/sign", "sign", this::sign);
        router.add("POST", "/1.0/sign", "sign", this::sign);
        router.add("POST", "/renew", "renew", this::renew);
        router.add("POST", "/revoke", "revoke", this::revoke);
        router.add("GET", "/certs", "certs", this::certs);
    }

    /** Authenticates the token before the CSR is even parsed; the RA checks and issues. */
    Reply sign(ApiRequest request) {
        JsonNode body = json.body(request);
        String token = Json.optionalText(body, "token").or(request::bearerToken).orElseThrow(() ->
                ProblemException.unauthorized("token-required", "send a one-time token in the \"token\" field "
                        + "(mint one with 'certa token NAME --provisioner P')"));
        String csrPem = Json.requiredText(body, "csr");
        VerifiedToken t = tokens.verify(token, "/sign");
        Csr csr = csr(csrPem);
        Optional<Duration> validity = Json.optionalText(body, "validity").map(v -> {
            try {
                return Durations.parse(v, "validity");
            } catch (CertaException e) {
                throw ProblemException.badRequest("bad-validity", "\"validity\": " + e.reason());
            }
        });
        IssuedCertificate c = ra.issue(t, csr, Json.optionalText(body, "profile"), validity);
        issued.increment();
        return json.reply(201, CertificateJson.issued(json, c));
    }

    Reply renew(ApiRequest request) {
        Optional<Csr> rekey = Optional.empty();
        if (request.body().length > 0) {
            rekey = Json.optionalText(json.body(request), "csr").map(SigningApi::csr);
        }
        IssuedCertificate c = ra.renew(request.clientCertificates(), rekey);
        renewed.increment();
        return json.reply(201, CertificateJson.issued(json, c));
    }

    Reply revoke(ApiRequest request) {
        JsonNode body = json.body(request);
        int reason = Json.optionalText(body, "reason").map(RevocationReasons::parse).orElse(0);
        Optional<BigInteger> serial = Json.optionalText(body, "serial").map(SigningApi::serial);
        String by;
        if (request.bearerToken().isPresent()) {
            admin.require(request, "revoking a certificate");
            by = "admin";
        } else if (!request.clientCertificates().isEmpty()) {
            X509Certificate held = request.clientCertificates().get(0);
            StoredCertificate stored = ledger.find(held.getSerialNumber()).filter(s -> sameDer(s, held)).orElseThrow(() ->
                    ProblemException.forbidden("unknown-certificate", "the client certificate was not issued by this CA"));
            if (serial.isPresent() && !serial.get().equals(held.getSerialNumber())) {
                throw ProblemException.forbidden("not-holder", "over mTLS a holder may revoke only the certificate it presents (serial "
                        + held.getSerialNumber().toString(16) + "); use the admin token for others");
            }
            serial = Optional.of(stored.certificate().serial());
            by = "holder:" + held.getSerialNumber().toString(16);
        } else {
            throw ProblemException.unauthorized("admin-required", "revoking needs the admin token (Authorization: Bearer) "
                    + "or the certificate itself as the TLS client certificate");
        }
        BigInteger s = serial.orElseThrow(() -> ProblemException.badRequest("missing-field", "the field \"serial\" (hex) is missing"));
        RevokeOutcome outcome = revocation.revoke(s, reason, by);
        return switch (outcome) {
            case REVOKED -> json.reply(200, revoked(s, "revoked"));
            case ALREADY_REVOKED -> json.reply(200, revoked(s, "already revoked (the first revocation stands)"));
            case UNKNOWN_SERIAL -> throw ProblemException.notFound("unknown-serial", "no certificate with serial " + s.toString(16)
                    + " was issued by this CA; check the serial (hex, as 'certa inspect' prints it)");
        };
    }

    Reply certs(ApiRequest request) {
        admin.require(request, "listing certificates");
        CertificateQuery q = CertificateQuery.all(intParam(request, "limit", 100));
        if (request.queryParameter("name").isPresent()) {
            String n = request.queryParameter("name").get().toLowerCase(java.util.Locale.ROOT);
            q = q.withName(n.contains(":") ? n : (n.matches("[0-9.]+|.*:.*") ? "ip:" : "dns:") + n);
        }
        if (request.queryParameter("status").isPresent()) {
            String st = request.queryParameter("status").get();
            if (!st.equals("revoked") && !st.equals("valid")) {
                throw ProblemException.badRequest("bad-parameter", "status must be 'revoked' or 'valid', not '" + st + "'");
            }
            q = q.withRevoked(st.equals("revoked"));
        }
        if (request.queryParameter("expiring-before").isPresent()) {
            String t = request.queryParameter("expiring-before").get();
            try {
                q = q.withExpiringBefore(Instant.parse(t));
            } catch (java.time.format.DateTimeParseException e) {
                throw ProblemException.badRequest("bad-parameter", "expiring-before '" + t + "' is not an ISO-8601 instant (2026-12-31T00:00:00Z)");
            }
        }
        if (request.queryParameter("after").isPresent()) {
            q = q.after(serial(request.queryParameter("after").get()));
        }
        List<StoredCertificate> found = ledger.search(q);
        ObjectNode out = json.object();
        ArrayNode arr = out.putArray("certificates");
        found.forEach(s -> arr.add(CertificateJson.stored(json, s)));
        if (found.size() == q.limit()) {
            out.put("next", found.get(found.size() - 1).certificate().serial().toString(16));
        }
        return json.reply(200, out);
    }

    private ObjectNode revoked(BigInteger serial, String status) {
        ObjectNode n = json.object();
        n.put("serial", serial.toString(16));
        n.put("status", status);
        return n;
    }

    private static int intParam(ApiRequest request, String name, int dflt) {
        Optional<String> v = request.queryParameter(name);
        if (v.isEmpty()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.get());
            if (n >= 1 && n <= 1000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ProblemException.badRequest("bad-parameter", name + " must be a number from 1 to 1000, not '" + v.get() + "'");
    }

    static BigInteger serial(String hex) {
        String h = hex.trim().replace(":", "");
        if (h.isEmpty() || h.length() > 40 || !h.matches("[0-9a-fA-F]+")) {
            throw ProblemException.badRequest("bad-serial", "'" + hex + "' is not a serial number; give it in hex as 'certa inspect' prints it");
        }
        return new BigInteger(h, 16);
    }

    /** Parses the CSR; checking its key and signature is the RA's (cheap checks first). */
    static Csr csr(String pem) {
        try {
            return PemReader.readCsr(pem.getBytes(StandardCharsets.UTF_8), "the \"csr\" field");
        } catch (CertaException e) {
            throw ProblemException.badRequest("malformed-csr", e.reason() + e.fix().map(f -> "; " + f).orElse(""));
        }
    }

    private static boolean sameDer(StoredCertificate s, X509Certificate c) {
        try {
            return java.util.Arrays.equals(s.certificate().der(), c.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            return false;
        }
    }
}
