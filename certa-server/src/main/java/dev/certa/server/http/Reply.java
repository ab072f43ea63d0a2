package dev.certa.server.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What an endpoint answers: status, content type, body and extra headers. A header sent several times
 * (ACME's {@code Link}) holds its values separated by a line feed, which no header value may contain;
 * see {@link #alsoHeader}.
 */
public record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
    public Reply {
        headers = Map.copyOf(headers);
    }

    public static Reply of(int status, String contentType, byte[] body) {
        return new Reply(status, contentType, body, Map.of());
    }

    public static Reply text(int status, String text) {
        return of(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    public Reply withHeader(String name, String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a header value cannot hold a line break: " + name);
        }
        var h = new java.util.HashMap<>(headers);
        h.put(name, value);
        return new Reply(status, contentType, body, h);
    }

    /** Adds {@code value} as one more field of header {@code name}, keeping those already there. */
    public Reply alsoHeader(String name, String value) {
        String before = headers.get(name);
        Reply r = withHeader(name, value);
        if (before == null) {
            return r;
        }
        var h = new java.util.HashMap<>(r.headers);
        h.put(name, before + "\n" + value);
        return new Reply(status, contentType, body, h);
    }
}
