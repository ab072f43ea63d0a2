package dev.certa.core.fetch;

import java.net.URI;
import java.util.Objects;

/** What one fetch brought back: the body of an HTTP 200 answer, or why there is none. */
public sealed interface FetchResult {
    URI url();

    /** An HTTP 200 answer; {@code contentType} is empty when the server named none. */
    record Ok(URI url, byte[] body, String contentType) implements FetchResult {
        public Ok {
            Objects.requireNonNull(url);
            body = body.clone();
            Objects.requireNonNull(contentType);
        }

        @Override
        public byte[] body() {
            return body.clone();
        }
    }

    /** No usable answer; {@code reason} reads after the URL: "http://x/ca.der: the server answered HTTP 404". */
    record Failed(URI url, String reason) implements FetchResult {
        public Failed {
            Objects.requireNonNull(url);
            Objects.requireNonNull(reason);
        }

        /** "http://x/ca.der: the server answered HTTP 404". */
        public String describe() {
            return url + ": " + reason;
        }
    }
}
