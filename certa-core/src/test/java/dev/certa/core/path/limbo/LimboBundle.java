package dev.certa.core.path.limbo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * x509-limbo's test bundle, kept in this module's test resources ({@code x509-limbo/limbo.json.gz},
 * with its licences and provenance beside it), read once per test JVM and checked against the digest
 * its README records. Tests share the parsed tree and must not change it.
 */
public final class LimboBundle {
    /** The class-path resource. */
    public static final String RESOURCE = "/x509-limbo/limbo.json.gz";
    /** SHA-256 of the uncompressed limbo.json, as x509-limbo/README.md records it. */
    static final String SHA256 = "a3fd0e6673e5be3e1aa8179eb30bedd820ead8e2685098e5edda1eff66065f38";

    private LimboBundle() {}

    /** The bundle's {@code testcases} array. */
    public static JsonNode testcases() {
        return Holder.TESTCASES;
    }

    private static final class Holder {
        static final JsonNode TESTCASES = load().get("testcases");
    }

    private static JsonNode load() {
        try (InputStream raw = LimboBundle.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException(RESOURCE + " is missing from certa-core's test resources; restore it from git");
            }
            byte[] json;
            try (GZIPInputStream in = new GZIPInputStream(raw, 1 << 16)) {
                json = in.readAllBytes();
            }
            String got = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
            if (!got.equals(SHA256)) {
                throw new IllegalStateException(RESOURCE + " has sha256 " + got + ", not the " + SHA256
                        + " its README records; restore it from git");
            }
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
