package dev.certa.core.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP exchange to make: a GET, or a POST of {@code body} (an OCSP request) as {@code contentType}.
 *
 * @param timeout the whole exchange, connecting included, must finish within this
 * @param maxBytes a longer answer is refused (and not read further)
 */
public record FetchRequest(URI url, Optional<byte[]> body, String contentType, Duration timeout, int maxBytes) {

    public FetchRequest {
        Objects.requireNonNull(url);
        body = body.map(byte[]::clone);
        Objects.requireNonNull(contentType);
        if (timeout.isNegative() || timeout.isZero() || maxBytes < 1) {
            throw new IllegalArgumentException("a fetch needs a positive timeout and size limit");
        }
    }

    public static FetchRequest get(URI url, Duration timeout, int maxBytes) {
        return new FetchRequest(url, Optional.empty(), "", timeout, maxBytes);
    }

    public static FetchRequest post(URI url, String contentType, byte[] body, Duration timeout, int maxBytes) {
        return new FetchRequest(url, Optional.of(body), contentType, timeout, maxBytes);
    }

    @Override
    public Optional<byte[]> body() {
        return body.map(byte[]::clone);
    }
}
