package dev.certa.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Checks an audit log's hash chain: every line's {@code prev} must be the previous line's {@code hash},
 * every {@code hash} must be SHA-256 over the previous hash and the line without its hash, and
 * {@code seq} must count up by one. Reports the first line that breaks it.
 */
public final class AuditVerifier {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * @param intact whether the whole chain holds
     * @param lines how many lines were checked and found good
     * @param lastHash the hash of the last good line (the genesis value for an empty log)
     * @param problem what is wrong, for a damaged log ("line 12: ...")
     * @param markHash the hash of the good line asked for by {@link #verify(Path, long)}, empty if the log
     *     has no such good line
     */
    public record Result(boolean intact, long lines, String lastHash, String problem, String markHash) {}

    private AuditVerifier() {}

    public static Result verify(Path file) throws IOException {
        return verify(file, 0);
    }

    /** Checks the chain, and also remembers the hash of line {@code mark} (0: the genesis value). */
    public static Result verify(Path file, long mark) throws IOException {
        String prev = AuditLog.GENESIS;
        String markHash = mark == 0 ? prev : "";
        long n = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                String problem = check(line, prev, n + 1);
                if (problem != null) {
                    return new Result(false, n, prev, "line " + (n + 1) + ": " + problem, markHash);
                }
                prev = MAPPER.readTree(line).get("hash").asText();
                n++;
                if (n == mark) {
                    markHash = prev;
                }
            }
        } catch (NoSuchFileException e) {
            return new Result(true, 0, prev, "", markHash);
        }
        return new Result(true, n, prev, "", markHash);
    }

    private static String check(String line, String prev, long expectedSeq) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (IOException e) {
            return "not a JSON object (truncated or edited)";
        }
        if (node == null || !node.isObject() || !node.hasNonNull("hash") || !node.hasNonNull("prev") || !node.hasNonNull("seq")) {
            return "not an audit entry (no seq, prev or hash)";
        }
        if (node.get("seq").asLong() != expectedSeq) {
            return "sequence number " + node.get("seq").asLong() + " where " + expectedSeq
                    + " was expected (a line was removed or inserted before it)";
        }
        if (!node.get("prev").asText().equals(prev)) {
            return "its prev hash does not match the line before it (a line was removed, inserted or altered)";
        }
        String hash = node.get("hash").asText();
        int at = line.lastIndexOf(",\"hash\":\"");
        if (at < 0 || !line.endsWith("\"}")) {
            return "its hash is not where certa writes it (the line was rewritten)";
        }
        String body = line.substring(0, at) + "}";
        if (!hash(prev, body).equals(hash)) {
            return "its content does not match its hash (the line was altered)";
        }
        return null;
    }

    static String hash(String prev, String body) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(prev.getBytes(StandardCharsets.US_ASCII));
            d.update((byte) '\n');
            d.update(body.getBytes(StandardCharsets.UTF_8));
            return AuditLog.hex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
