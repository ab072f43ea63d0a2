package dev.certa.core.ca;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.certa.core.error.CertaException;
import dev.certa.core.revocation.RevocationReason;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The ledger's line format: one JSON object per line whose last member is the SHA-256 of the line
 * without that member, so a line cut short or changed by a crash is recognised and never read as a
 * record:
 *
 * <pre>
 * {"v":1,"type":"revoked","serial":"5f3a…","issuerKey":"9c1e…","revokedAt":"2026-12-08T01:02:03Z","reason":"keyCompromise","sha256":"…"}
 * </pre>
 *
 * The checksum covers {@code {"v":1,…,"reason":"keyCompromise"}}, the line with {@code ,"sha256":"…"} left out.
 */
final class LedgerLines {
    private static final JsonFactory JSON = new JsonFactory();
    private static final String CHECKSUM = ",\"sha256\":\"";
    /** {@code ,"sha256":"} + 64 hex digits + {@code "}}. */
    private static final int SUFFIX = CHECKSUM.length() + 64 + 2;

    private LedgerLines() {}

    /** A line is not a well-formed record; the message says how. */
    static final class Damaged extends Exception {
        private static final long serialVersionUID = 1L;

        Damaged(String message) {
            super(message, null, false, false);
        }
    }

    /** The line for {@code r}, without its end-of-line. */
    static String encode(LedgerRecord r) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeNumberField("v", 1);
            switch (r) {
                case LedgerCertificate c -> {
                    g.writeStringField("type", "issued");
                    g.writeStringField("serial", c.serialHex());
                    g.writeStringField("issuer", c.issuer());
                    g.writeStringField("issuerKey", c.issuerKey());
                    g.writeStringField("subject", c.subject());
                    g.writeArrayFieldStart("names");
                    for (String n : c.names()) {
                        g.writeString(n);
                    }
                    g.writeEndArray();
                    g.writeStringField("profile", c.profile());
                    g.writeStringField("notBefore", c.notBefore().toString());
                    g.writeStringField("notAfter", c.notAfter().toString());
                    g.writeStringField("der", Base64.getEncoder().encodeToString(c.der()));
                }
                case LedgerRevocation v -> {
                    g.writeStringField("type", "revoked");
                    g.writeStringField("serial", v.serial().toString(16));
                    g.writeStringField("issuerKey", v.issuerKey());
                    g.writeStringField("revokedAt", v.revokedAt().toString());
                    g.writeStringField("reason", v.reason().rfcName());
                }
                case LedgerCrlNumber n -> {
                    g.writeStringField("type", "crl");
                    g.writeStringField("issuerKey", n.issuerKey());
                    g.writeStringField("number", n.number().toString());
                    g.writeStringField("thisUpdate", n.thisUpdate().toString());
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringWriter does not fail
        }
        String body = w.toString();
        return body.substring(0, body.length() - 1) + CHECKSUM + sha256(body) + "\"}";
    }

    /** The record on {@code line}; {@link Damaged} when its checksum or content is wrong. */
    static LedgerRecord decode(String line) throws Damaged {
        int cut = line.length() - SUFFIX;
        if (cut < 1 || !line.startsWith(CHECKSUM, cut) || !line.endsWith("\"}")) {
            throw new Damaged("it does not end in a checksum");
        }
        String body = line.substring(0, cut) + "}";
        if (!sha256(body).equals(line.substring(cut + CHECKSUM.length(), line.length() - 2))) {
            throw new Damaged("its checksum does not match");
        }
        Map<String, String> f = new HashMap<>();
        List<String> names = new ArrayList<>();
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new Damaged("it is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (t == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.VALUE_STRING) {
                        names.add(p.getText());
                    }
                } else if (t == JsonToken.START_OBJECT) {
                    p.skipChildren();
                } else {
                    f.put(name, p.getText());
                }
            }
        } catch (IOException e) {
            throw new Damaged("it is not valid JSON");
        }
        try {
            return switch (f.getOrDefault("type", "")) {
                case "issued" -> new LedgerCertificate(hex(f, "serial"), get(f, "issuer"), get(f, "issuerKey"),
                        get(f, "subject"), names, get(f, "profile"), Instant.parse(get(f, "notBefore")),
                        Instant.parse(get(f, "notAfter")), Base64.getDecoder().decode(get(f, "der")));
                case "revoked" -> new LedgerRevocation(hex(f, "serial"), get(f, "issuerKey"),
                        Instant.parse(get(f, "revokedAt")), RevocationReason.parse(get(f, "reason")));
                case "crl" -> new LedgerCrlNumber(get(f, "issuerKey"), new BigInteger(get(f, "number")),
                        Instant.parse(get(f, "thisUpdate")));
                default -> throw new Damaged("its type '" + f.get("type") + "' is unknown (written by a newer certa?)");
            };
        } catch (DateTimeParseException | IllegalArgumentException | CertaException e) {
            throw new Damaged("a field has an impossible value");
        }
    }

    private static String get(Map<String, String> f, String name) throws Damaged {
        String v = f.get(name);
        if (v == null) {
            throw new Damaged("it has no " + name);
        }
        return v;
    }

    private static BigInteger hex(Map<String, String> f, String name) throws Damaged {
        return new BigInteger(get(f, name), 16);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
