package dev.certa.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/** How a worker sends its requests: one connection of its own, kept alive. */
interface Transport extends AutoCloseable {
    HttpConnection.Response post(byte[] body, boolean keepBody) throws IOException;

    @Override
    void close();

    /** The kinds of client: {@code raw} (a blocking socket per worker) or {@code jdk} ({@code java.net.http}, one client per worker). */
    static Transport open(String kind, URI url, String contentType, SSLContext tls) {
        return switch (kind) {
            case "raw" -> new Raw(new HttpConnection(url, contentType, tls));
            case "jdk" -> new Jdk(url, contentType, tls);
            default -> throw new IllegalArgumentException("--client must be raw or jdk, not " + kind);
        };
    }

    record Raw(HttpConnection connection) implements Transport {
        @Override
        public HttpConnection.Response post(byte[] body, boolean keepBody) throws IOException {
            try {
                return connection.post(body, keepBody);
            } catch (IOException e) {
                connection.close(); // the next request reconnects
                throw e;
            }
        }

        @Override
        public void close() {
            connection.close();
        }
    }

    final class Jdk implements Transport {
        private final HttpClient client;
        private final URI url;
        private final String contentType;

        Jdk(URI url, String contentType, SSLContext tls) {
            this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            this.url = url;
            this.contentType = contentType;
        }

        @Override
        public HttpConnection.Response post(byte[] body, boolean keepBody) throws IOException {
            HttpRequest r = HttpRequest.newBuilder(url).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            try {
                HttpResponse<byte[]> resp = client.send(r, HttpResponse.BodyHandlers.ofByteArray());
                return new HttpConnection.Response(resp.statusCode(), keepBody ? resp.body() : new byte[0]);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
