package dev.certa.server.audit;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.io.OutputFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that authenticates an audit log's checkpoints: 32 random bytes in {@code audit.key} (mode 0600)
 * in the data directory, never written to the log or the database. Whoever edits the log and the
 * database's checkpoint together still cannot make a checkpoint this key accepts. The key also names the
 * log in the database ({@link #logName()}), so each node's log has its own checkpoint.
 */
public final class AuditKey {
    /** The key file's name in the data directory. */
    public static final String FILE_NAME = "audit.key";
    private final byte[] key;

    private AuditKey(byte[] key) {
        this.key = key.clone();
    }

    /** The key in {@code file}, if the file exists. */
    public static Optional<AuditKey> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String text = new String(OutputFiles.read(file), StandardCharsets.US_ASCII).strip();
        try {
            byte[] key = HexFormat.of().parseHex(text);
            if (key.length < 32) {
                throw new IllegalArgumentException("short");
            }
            return Optional.of(new AuditKey(key));
        } catch (IllegalArgumentException e) {
            throw new CertaException(ErrorKind.BAD_INPUT, "the audit key " + file + " is not 64 hexadecimal digits",
                    "restore it from your backup of the data directory; a new key cannot vouch for the existing checkpoints");
        }
    }

    /** Creates a new key in {@code file} (mode 0600); the file must not exist. */
    public static AuditKey create(Path file, SecureRandom random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        new OutputFiles(false).addSecret(file, (HexFormat.of().formatHex(key) + "\n").getBytes(StandardCharsets.US_ASCII)).commit();
        return new AuditKey(key);
    }

    /** The log's name in the database: derived from the key, so it says nothing about the key. */
    public String logName() {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update("certa audit log\n".getBytes(StandardCharsets.US_ASCII));
            return "log-" + HexFormat.of().formatHex(d.digest(key), 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HMAC-SHA256 over a checkpoint's log name, entry count and head hash, in hex. */
    public String mac(String log, long lines, String head) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((log + "\n" + lines + "\n" + head).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code mac} is this key's MAC over the three values (compared in constant time). */
    public boolean accepts(String log, long lines, String head, String mac) {
        return MessageDigest.isEqual(mac(log, lines, head).getBytes(StandardCharsets.US_ASCII), mac.getBytes(StandardCharsets.US_ASCII));
    }
}
