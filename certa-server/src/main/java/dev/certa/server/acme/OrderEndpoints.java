package dev.certa.server.acme;

import com.fasterxml.jackson.databind.JsonNode;
import dev.certa.core.pem.PemWriter;
import dev.certa.server.http.ApiRequest;
import dev.certa.server.http.Endpoint;
import dev.certa.server.http.Reply;
import dev.certa.server.http.Router;
import dev.certa.server.ra.acme.AcmeError;
import dev.certa.server.ra.acme.AcmeException;
import dev.certa.server.ra.acme.AcmeOrders;
import dev.certa.server.ra.acme.AcmeRa;
import dev.certa.server.ra.acme.AcmeValidations;
import dev.certa.server.ra.acme.OrderView;
import dev.certa.store.AcmeAccount;
import dev.certa.store.AcmeStatus;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * newOrder, orders, authorizations, challenges, finalize, certificate download and revokeCert. Each
 * object is shown only to the account that owns it; to any other account it does not exist.
 */
final class OrderEndpoints {
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");
    private static final String RETRY_AFTER_SECONDS = "1";
    private final AcmeUrls urls;
    private final AcmeJson json;
    private final AcmeReplies replies;
    private final JwsVerifier verifier;
    private final AcmeRa ra;

    OrderEndpoints(AcmeUrls urls, AcmeJson json, AcmeReplies replies, JwsVerifier verifier, AcmeRa ra) {
        this.urls = urls;
        this.json = json;
        this.replies = replies;
        this.verifier = verifier;
        this.ra = ra;
    }

    void register(Router router, UnaryOperator<Endpoint> acme) {
        router.add("POST", AcmeUrls.NEW_ORDER, "acme-new-order", acme.apply(this::newOrder));
        router.add("POST", AcmeUrls.ORDER + "*", "acme-order", acme.apply(this::order));
        router.add("POST", AcmeUrls.AUTHZ + "*", "acme-authorization", acme.apply(this::authorization));
        router.add("POST", AcmeUrls.CHALLENGE + "*", "acme-challenge", acme.apply(this::challenge));
        router.add("POST", AcmeUrls.FINALIZE + "*", "acme-finalize", acme.apply(this::finalizeOrder));
        router.add("POST", AcmeUrls.CERTIFICATE + "*", "acme-certificate", acme.apply(this::certificate));
        router.add("POST", AcmeUrls.REVOKE_CERT, "acme-revoke-cert", acme.apply(this::revoke));
    }

    private Reply newOrder(ApiRequest request) {
        VerifiedJws jws = verifier.verify(request, JwsVerifier.KeyRule.KID);
        JsonNode p = payload(jws, "newOrder");
        JsonNode ids = p.get("identifiers");
        if (ids == null || !ids.isArray()) {
            throw new AcmeException(AcmeError.MALFORMED, "newOrder needs \"identifiers\": [{\"type\": \"dns\", \"value\": ...}]");
        }
        List<AcmeOrders.Identifier> wanted = new ArrayList<>();
        for (JsonNode i : ids) {
            wanted.add(new AcmeOrders.Identifier(AcmeJson.text(i, "type").orElse(""), AcmeJson.text(i, "value").orElse("")));
        }
        OrderView v = ra.orders().create(jws.requireAccount(), new AcmeOrders.NewOrder(wanted, optionalText(p, "profile"),
                optionalText(p, "replaces"), optionalTime(p, "notBefore"), optionalTime(p, "notAfter")));
        return replies.created(json.order(v), urls.url(AcmeUrls.ORDER, v.order().id()));
    }

    private Reply order(ApiRequest request) {
        VerifiedJws jws = verifier.verify(request, JwsVerifier.KeyRule.KID);
        OrderView v = ra.orders().find(jws.requireAccount(), AcmeUrls.idOf(request.path(), AcmeUrls.ORDER));
        return withRetry(replies.resource(200, json.order(v)), v.status() == AcmeStatus.PROCESSING);
    }

    private Reply authorization(ApiRequest request) {
        VerifiedJws jws = verifier.verify(request, JwsVerifier.KeyRule.KID);
        String id = AcmeUrls.idOf(request.path(), AcmeUrls.AUTHZ);
        if (jws.payload().isPresent()) { // deactivation (RFC 8555 section 7.5.2), the only change a client may ask for
            JsonNode p = jws.payload().get();
            if (!AcmeJson.text(p, "status").orElse("").equals("deactivated")) {
                throw new AcmeException(AcmeError.MALFORMED, "an authorization can only be deactivated: send {\"status\": \"deactivated\"},"
                        + " or an empty payload to read it");
            }
            return replies.resource(200, json.authorization(ra.orders().deactivateAuthorization(jws.requireAccount(), id)));
        }
        return replies.resource(200, json.authorization(ra.orders().authorization(jws.requireAccount(), id)));
    }

    private Reply challenge(ApiRequest request) {
        VerifiedJws jws = verifier.verify(request, JwsVerifier.KeyRule.KID);
        AcmeAccount account = jws.requireAccount();
        String id = AcmeUrls.idOf(request.path(), AcmeUrls.CHALLENGE);
        AcmeValidations.ChallengeView v = jws.payload().isPresent() ? ra.validations().respond(account, id, urls.url(AcmeUrls.ACCOUNT, account.id()))
                : ra.validations().find(account, id);
        Reply r = replies.resource(200, json.challenge(v.challenge()))
                .withHeader("Link", "<" + urls.url(AcmeUrls.AUTHZ, v.authorization().id()) + ">;rel=\"up\"");
        if (v.challenge().status() != AcmeStatus.PROCESSING) {
            return r;
        }
        long seconds = Math.max(1, (ra.validations().retryAfter(v).toMillis() + 999) / 1000);
        return r.withHeader("Retry-After", String.valueOf(seconds));
    }

    private Reply finalizeOrder(ApiRequest request) {
        VerifiedJws jws = verifier.verify(request, JwsVerifier.KeyRule.KID);
        AcmeAccount account = jws.requireAccount();
        String orderId = AcmeUrls.idOf(request.path(), AcmeUrls.FINALIZE);
        // read once the order is known to be the account's: another account's order does not exist for it, whatever the payload
        Supplier<byte[]> csr = () -> base64url(AcmeJson.text(payload(jws, "finalize"), "csr").orElse(""), "csr", AcmeError.BAD_CSR);
        OrderView v = ra.orders().finalizeOrder(account, orderId, csr, JwsVerifier.publicKey(jws.key()),
                urls.url(AcmeUrls.ACCOUNT, account.id()));
        return withRetry(replies.resource(200, json.order(v)), v.status() == AcmeStatus.PROCESSING)
                .withHeader("Location", urls.url(AcmeUrls.ORDER, orderId));
    }

    /**
     * The certificate chain (RFC 8555 7.4.2): {@code cert/ID} is the leaf and the intermediates; its alternate
     * {@code cert/ID/1}, announced by {@code Link: rel="alternate"}, ends with the root as well, for
     * clients and appliances that want the whole chain in one file.
     */
    private Reply certificate(ApiRequest request) {
        VerifiedJws jws = verifier.verify(request, JwsVerifier.KeyRule.KID);
        String rest = request.path().substring(AcmeUrls.CERTIFICATE.length());
        boolean withRoot = rest.endsWith("/1");
        String orderId = withRoot ? rest.substring(0, rest.length() - 2) : rest;
        if (orderId.isEmpty() || orderId.contains("/")) {
            throw new AcmeException(AcmeError.MALFORMED, 404, "no certificate at " + request.path());
        }
        OrderView v = ra.orders().find(jws.requireAccount(), orderId);
        String pem = PemWriter.certificates(ra.certificates().chain(v, withRoot));
        String other = urls.url(AcmeUrls.CERTIFICATE, orderId) + (withRoot ? "" : "/1");
        return Reply.of(200, "application/pem-certificate-chain", pem.getBytes(StandardCharsets.US_ASCII))
                .withHeader("Link", "<" + other + ">;rel=\"alternate\"");
    }

    private Reply revoke(ApiRequest request) {
        VerifiedJws jws = verifier.verify(request, JwsVerifier.KeyRule.EITHER);
        JsonNode p = payload(jws, "revokeCert");
        byte[] der = base64url(AcmeJson.text(p, "certificate").orElse(""), "certificate", AcmeError.MALFORMED);
        X509Certificate cert;
        try {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw new AcmeException(AcmeError.MALFORMED, "\"certificate\" is not a DER certificate");
        }
        JsonNode reason = p.get("reason");
        int code = reason == null || reason.isNull() ? 0 : reason.isInt() ? reason.asInt() : -1;
        if (jws.account().isPresent()) {
            AcmeAccount account = jws.account().get();
            ra.certificates().revoke(account, cert, code, urls.url(AcmeUrls.ACCOUNT, account.id()));
        } else {
            // signed by the certificate's own key (RFC 8555 7.6): whoever holds it may revoke
            if (!java.util.Arrays.equals(JwsVerifier.publicKey(jws.key()).getEncoded(), cert.getPublicKey().getEncoded())) {
                throw new AcmeException(AcmeError.UNAUTHORIZED, "the JWS is signed neither by an account nor by the certificate's key");
            }
            ra.certificates().revokeByKey(cert, code, "acme-certificate-key:" + jws.keyThumbprint());
        }
        return Reply.of(200, AcmeReplies.JSON, new byte[0]);
    }

    /** A field that is absent, or a string. */
    private static Optional<String> optionalText(JsonNode p, String field) {
        JsonNode f = p.get(field);
        if (f == null || f.isNull()) {
            return Optional.empty();
        }
        if (!f.isTextual()) {
            throw new AcmeException(AcmeError.MALFORMED, "\"" + field + "\" must be a string");
        }
        return Optional.of(f.asText());
    }

    /** A field that is absent, or an RFC 3339 date-time. */
    private static Optional<Instant> optionalTime(JsonNode p, String field) {
        return optionalText(p, field).map(t -> {
            try {
                return OffsetDateTime.parse(t).toInstant();
            } catch (DateTimeParseException e) {
                throw new AcmeException(AcmeError.MALFORMED, "\"" + field + "\" must be an RFC 3339 date-time such as 2030-01-01T00:00:00Z");
            }
        });
    }

    private static JsonNode payload(VerifiedJws jws, String what) {
        return jws.payload().orElseThrow(() -> new AcmeException(AcmeError.MALFORMED, what + " needs a JSON payload"));
    }

    private static byte[] base64url(String text, String field, AcmeError error) {
        if (!BASE64URL.matcher(text).matches()) {
            throw new AcmeException(error, "\"" + field + "\" must be base64url (no padding)");
        }
        try {
            return Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new AcmeException(error, "\"" + field + "\" is not valid base64url");
        }
    }

    private static Reply withRetry(Reply r, boolean processing) {
        return processing ? r.withHeader("Retry-After", RETRY_AFTER_SECONDS) : r;
    }
}
