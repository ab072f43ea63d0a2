package dev.certa.core.pem;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The DER inside a file that is exactly one PEM block in the form OpenSSL, certa and most tools
 * write: the BEGIN line, lines of base64 ending in LF or CRLF, the END line, an optional final line
 * ending, nothing else (no headers, blank lines, or text around the block).
 *
 * <p>It is a shortcut for the common case, not a second PEM parser: anything else, including base64
 * that does not decode, gives empty and the caller reads the input with Bouncy Castle's PEMParser,
 * which reports problems with the usual messages. Within this form both read the same bytes.
 */
final class SinglePemBlock {
    private static final byte[] BEGIN = "-----BEGIN ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "-----END ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DASHES = "-----".getBytes(StandardCharsets.US_ASCII);

    private SinglePemBlock() {}

    /** The decoded body when {@code data} is one block labelled {@code label} in the plain form. */
    static Optional<byte[]> body(byte[] data, String label) {
        byte[] name = label.getBytes(StandardCharsets.US_ASCII);
        int at = expect(data, 0, BEGIN);
        at = expect(data, at, name);
        at = lineEnd(data, expect(data, at, DASHES));
        if (at < 0) {
            return Optional.empty();
        }
        byte[] base64 = new byte[data.length - at];
        int length = 0;
        while (at < data.length && data[at] != '-') {
            int start = at;
            while (at < data.length && isBase64(data[at])) {
                base64[length++] = data[at++];
            }
            if (at == start) {
                return Optional.empty(); // blank line, header, or a character base64 does not use
            }
            at = lineEnd(data, at);
            if (at < 0) {
                return Optional.empty();
            }
        }
        at = expect(data, at, END);
        at = expect(data, at, name);
        at = expect(data, at, DASHES);
        if (at < 0 || !(at == data.length || lineEnd(data, at) == data.length)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getDecoder().decode(java.util.Arrays.copyOf(base64, length)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean isBase64(byte b) {
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '+' || b == '/'
                || b == '=';
    }

    /** The index after {@code expected} at {@code at}, or -1. */
    private static int expect(byte[] data, int at, byte[] expected) {
        if (at < 0 || data.length - at < expected.length) {
            return -1;
        }
        for (int i = 0; i < expected.length; i++) {
            if (data[at + i] != expected[i]) {
                return -1;
            }
        }
        return at + expected.length;
    }

    /** The index after an LF or CRLF at {@code at}, or -1. */
    private static int lineEnd(byte[] data, int at) {
        if (at < 0 || at >= data.length) {
            return -1;
        }
        if (data[at] == '\n') {
            return at + 1;
        }
        if (data[at] == '\r' && at + 1 < data.length && data[at + 1] == '\n') {
            return at + 2;
        }
        return -1;
    }
}
