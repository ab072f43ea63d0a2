package dev.certa.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.certa.core.path.Finding;
import dev.certa.core.path.PathLink;
import dev.certa.core.path.Verdict;
import dev.certa.core.path.revocation.RevocationStatus;
import dev.certa.core.probe.ClientCertificateRequest;
import dev.certa.core.probe.Handshake;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@link TrustReport} as JSON for scripts, the same data as the text:
 *
 * <pre>{@code
 * {
 *   "name" : "api.example.com",
 *   "trusted" : false,
 *   "ok" : false,
 *   "at" : "2026-11-22T10:00:00Z",
 *   "purpose" : "server", "expectedNames" : [ "DNS:api.example.com" ], "rules" : "web-pki",
 *   "trustedBy" : null, "storesSearched" : [ "roots.pem" ],
 *   "path" : [ { "position" : 0, "subject" : "CN=api.example.com", "role" : "leaf", "status" : "failed",
 *                "statusText" : "expired 3 days ago …", "store" : null, "notBefore" : …, "notAfter" : …,
 *                "sha256" : "…" }, … ],
 *   "problems" : [ { "check" : "validity", "position" : 0, "subject" : "…", "message" : "…", "fix" : "…" } ],
 *   "warnings" : [ … ],
 *   "revocation" : [ { "position" : 0, "subject" : …, "serial" : "5CB9…", "status" : "good|revoked|unusable|unknown",
 *                      "revokedAt" : null, "reason" : null, "sources" : [ "not listed in the CRL ca.crl …" ] } ],
 *   "presented" : [ { "subject" : …, "issuer" : …, "sha256" : … } ],
 *   "connection" : null
 * }
 * }</pre>
 *
 * {@code connection} is present for a probe: host, port, serverName, protocol, cipherSuite, alpn,
 * stapledOcsp (the DER response in base64, not verified), clientCertificateRequest (acceptedIssuers, keyTypes, certificateSent), clientWarnings (reason, fix) and refusal
 * (alert, reason, fix). An absent value is {@code null}; lists are arrays.
 */
public final class TrustReportJson {
    private TrustReportJson() {}

    public static String render(TrustReport report) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            report(g, report);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string failed", e);
        }
        return out.append('\n').toString();
    }

    private static void report(JsonGenerator g, TrustReport r) throws IOException {
        Verdict v = r.verdict();
        g.writeStartObject();
        g.writeStringField("name", r.name());
        g.writeBooleanField("trusted", v.trusted());
        g.writeBooleanField("ok", r.ok());
        g.writeStringField("at", r.at().toString());
        g.writeStringField("purpose", r.options().purpose().name().toLowerCase(Locale.ROOT));
        g.writeArrayFieldStart("expectedNames");
        for (var n : r.options().expectedNames()) {
            g.writeString(n.toString());
        }
        g.writeEndArray();
        g.writeStringField("rules", TrustReportText.rules(r.options().mode()));
        nullable(g, "trustedBy", v.trustedBy());
        strings(g, "storesSearched", v.storesSearched());
        g.writeArrayFieldStart("path");
        for (PathLink l : v.path()) {
            g.writeStartObject();
            g.writeNumberField("position", l.position());
            g.writeStringField("subject", CertificateLabels.of(l.certificate()));
            g.writeStringField("role", TrustReportText.role(l));
            g.writeStringField("status", l.status().name().toLowerCase(Locale.ROOT));
            g.writeStringField("statusText", TrustReportText.status(l, v));
            nullable(g, "store", l.store());
            g.writeStringField("notBefore", l.certificate().getNotBefore().toInstant().toString());
            g.writeStringField("notAfter", l.certificate().getNotAfter().toInstant().toString());
            g.writeStringField("sha256", sha256(l.certificate()));
            g.writeEndObject();
        }
        g.writeEndArray();
        findings(g, "problems", v.problems());
        findings(g, "warnings", v.warnings());
        g.writeArrayFieldStart("revocation");
        for (RevocationStatus s : r.revocation()) {
            g.writeStartObject();
            g.writeNumberField("position", s.position());
            g.writeStringField("subject", s.subject());
            g.writeStringField("serial", s.serialHex());
            g.writeStringField("status", s.state().name().toLowerCase(Locale.ROOT));
            nullable(g, "revokedAt", s.revokedAt().map(Object::toString));
            nullable(g, "reason", s.reason());
            strings(g, "sources", s.sources());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("presented");
        for (X509Certificate c : r.presented()) {
            g.writeStartObject();
            g.writeStringField("subject", CertificateLabels.of(c));
            g.writeStringField("issuer", CertificateLabels.issuer(c));
            g.writeStringField("sha256", sha256(c));
            g.writeEndObject();
        }
        g.writeEndArray();
        if (r.handshake().isPresent()) {
            g.writeFieldName("connection");
            connection(g, r.handshake().get());
        } else {
            g.writeNullField("connection");
        }
        g.writeEndObject();
    }

    private static void findings(JsonGenerator g, String field, List<Finding> findings) throws IOException {
        g.writeArrayFieldStart(field);
        for (Finding f : findings) {
            g.writeStartObject();
            g.writeStringField("check", f.check().label());
            if (f.position().isPresent()) {
                g.writeNumberField("position", f.position().getAsInt());
            } else {
                g.writeNullField("position");
            }
            nullable(g, "subject", f.subject());
            g.writeStringField("message", f.message());
            g.writeStringField("fix", f.fix());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void connection(JsonGenerator g, Handshake h) throws IOException {
        g.writeStartObject();
        g.writeStringField("host", h.target().host());
        g.writeNumberField("port", h.target().port());
        nullable(g, "serverName", h.target().serverName());
        g.writeStringField("protocol", h.protocol());
        g.writeStringField("cipherSuite", h.cipherSuite());
        nullable(g, "alpn", h.alpn());
        Optional<byte[]> ocsp = h.stapledOcsp();
        if (ocsp.isPresent()) {
            g.writeStringField("stapledOcsp", Base64.getEncoder().encodeToString(ocsp.get()));
        } else {
            g.writeNullField("stapledOcsp");
        }
        if (h.clientCertificateRequest().isPresent()) {
            ClientCertificateRequest c = h.clientCertificateRequest().get();
            g.writeObjectFieldStart("clientCertificateRequest");
            strings(g, "acceptedIssuers", c.acceptedIssuers().stream().map(CertificateLabels::name).toList());
            strings(g, "keyTypes", c.keyTypes());
            g.writeBooleanField("certificateSent", c.certificateSent());
            g.writeEndObject();
        } else {
            g.writeNullField("clientCertificateRequest");
        }
        g.writeArrayFieldStart("clientWarnings");
        for (Handshake.ClientWarning w : h.clientWarnings()) {
            g.writeStartObject();
            g.writeStringField("reason", w.reason());
            g.writeStringField("fix", w.fix());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (h.refusal().isPresent()) {
            Handshake.Refusal r = h.refusal().get();
            g.writeObjectFieldStart("refusal");
            nullable(g, "alert", r.alert());
            g.writeStringField("reason", r.reason());
            g.writeStringField("fix", r.fix());
            g.writeEndObject();
        } else {
            g.writeNullField("refusal");
        }
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String s : values) {
            g.writeString(s);
        }
        g.writeEndArray();
    }

    private static void nullable(JsonGenerator g, String field, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            g.writeStringField(field, value.get());
        } else {
            g.writeNullField(field);
        }
    }

    private static String sha256(X509Certificate c) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint a certificate: " + e.getMessage(), e);
        }
    }
}
