package dev.certa.core.inspect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.certa.core.key.KeyDescription;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Renders an {@link Inspection} as pretty-printed JSON for scripts:
 *
 * <pre>{@code
 * {
 *   "source" : "server.pem",
 *   "items" : [ {
 *     "kind" : "certificate",
 *     "subject" : "CN=api.example.com",
 *     "notAfter" : "2027-02-20T10:00:00Z",
 *     "daysLeft" : 89,
 *     ...
 *   } ]
 * }
 * }</pre>
 *
 * Field names are camelCase and match the view records' components; {@code kind} is one of
 * certificate, csr, privateKey, publicKey, crl. Instants are ISO-8601 UTC strings, lists are arrays
 * (empty when there is nothing), and an absent value is {@code null}, so every item of a kind has
 * the same fields. Written with jackson-core's streaming generator only, to keep start-up fast.
 */
public final class JsonRenderer {
    private JsonRenderer() {}

    /** One file: {@code {"source": …, "items": […]}}. */
    public static String render(Inspection inspection) {
        return write(g -> inspection(g, inspection));
    }

    /** Several files as a JSON array of the objects {@link #render(Inspection)} writes. */
    public static String render(List<Inspection> inspections) {
        return write(g -> {
            g.writeStartArray();
            for (Inspection i : inspections) {
                inspection(g, i);
            }
            g.writeEndArray();
        });
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string failed", e);
        }
        return out.append('\n').toString();
    }

    private static void inspection(JsonGenerator g, Inspection inspection) throws IOException {
        g.writeStartObject();
        g.writeStringField("source", inspection.source());
        g.writeArrayFieldStart("items");
        for (InspectedItem item : inspection.items()) {
            g.writeStartObject();
            g.writeStringField("kind", item.kind());
            switch (item) {
                case CertificateView c -> certificate(g, c);
                case CsrView r -> csr(g, r);
                case PrivateKeyView k -> privateKey(g, k);
                case PublicKeyView p -> publicKey(g, p);
                case CrlView l -> crl(g, l);
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void certificate(JsonGenerator g, CertificateView c) throws IOException {
        g.writeStringField("subject", c.subject());
        g.writeStringField("issuer", c.issuer());
        g.writeStringField("serial", c.serial());
        instant(g, "notBefore", c.notBefore());
        instant(g, "notAfter", c.notAfter());
        g.writeNumberField("daysLeft", c.daysLeft());
        g.writeStringField("status", c.status().name());
        key(g, c.key());
        g.writeStringField("signatureAlgorithm", c.signatureAlgorithm());
        g.writeStringField("sha256Fingerprint", c.sha256Fingerprint());
        g.writeStringField("publicKeySha256", c.publicKeySha256());
        g.writeBooleanField("selfSigned", c.selfSigned());
        g.writeBooleanField("ca", c.ca());
        g.writeFieldName("pathLen");
        if (c.pathLen().isPresent()) {
            g.writeNumber(c.pathLen().getAsInt());
        } else {
            g.writeNull();
        }
        strings(g, "keyUsage", c.keyUsage());
        strings(g, "extendedKeyUsage", c.extendedKeyUsage());
        strings(g, "subjectAltNames", c.subjectAltNames());
        optional(g, "subjectKeyId", c.subjectKeyId());
        optional(g, "authorityKeyId", c.authorityKeyId());
        strings(g, "ocspUrls", c.ocspUrls());
        strings(g, "caIssuersUrls", c.caIssuersUrls());
        strings(g, "crlUrls", c.crlUrls());
        g.writeFieldName("nameConstraints");
        if (c.nameConstraints().isPresent()) {
            g.writeStartObject();
            strings(g, "permitted", c.nameConstraints().get().permitted());
            strings(g, "excluded", c.nameConstraints().get().excluded());
            g.writeEndObject();
        } else {
            g.writeNull();
        }
    }

    private static void csr(JsonGenerator g, CsrView r) throws IOException {
        g.writeStringField("subject", r.subject());
        key(g, r.key());
        g.writeStringField("signatureAlgorithm", r.signatureAlgorithm());
        g.writeBooleanField("signatureValid", r.signatureValid());
        strings(g, "subjectAltNames", r.subjectAltNames());
        g.writeFieldName("requestsCa");
        if (r.requestsCa().isPresent()) {
            g.writeBoolean(r.requestsCa().get());
        } else {
            g.writeNull();
        }
        g.writeStringField("publicKeySha256", r.publicKeySha256());
    }

    private static void privateKey(JsonGenerator g, PrivateKeyView k) throws IOException {
        key(g, k.key());
        g.writeStringField("format", k.format());
        g.writeBooleanField("encrypted", k.encrypted());
        g.writeStringField("publicKeySha256", k.publicKeySha256());
    }

    private static void publicKey(JsonGenerator g, PublicKeyView p) throws IOException {
        key(g, p.key());
        g.writeStringField("publicKeySha256", p.publicKeySha256());
    }

    private static void crl(JsonGenerator g, CrlView l) throws IOException {
        g.writeStringField("issuer", l.issuer());
        instant(g, "thisUpdate", l.thisUpdate());
        g.writeFieldName("nextUpdate");
        if (l.nextUpdate().isPresent()) {
            g.writeString(l.nextUpdate().get().toString());
        } else {
            g.writeNull();
        }
        g.writeNumberField("revokedCount", l.revokedCount());
        optional(g, "crlNumber", l.crlNumber());
        g.writeStringField("signatureAlgorithm", l.signatureAlgorithm());
        g.writeBooleanField("stale", l.stale());
        optional(g, "authorityKeyId", l.authorityKeyId());
    }

    /** "key": "EC P-256", "keyAlgorithm": "EC", "keyBits": 256. */
    private static void key(JsonGenerator g, KeyDescription key) throws IOException {
        g.writeStringField("key", key.display());
        g.writeStringField("keyAlgorithm", key.algorithm());
        g.writeNumberField("keyBits", key.bits());
    }

    private static void instant(JsonGenerator g, String name, Instant t) throws IOException {
        g.writeStringField(name, t.toString());
    }

    private static void optional(JsonGenerator g, String name, Optional<String> value) throws IOException {
        g.writeFieldName(name);
        if (value.isPresent()) {
            g.writeString(value.get());
        } else {
            g.writeNull();
        }
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
