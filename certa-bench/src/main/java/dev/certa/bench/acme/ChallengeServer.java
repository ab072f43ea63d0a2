package dev.certa.bench.acme;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's http-01 responder on 127.0.0.1: serves {@code /.well-known/acme-challenge/TOKEN} with
 * the key authorization a worker published, as a web server does for a real client, and tells the
 * worker when the CA has fetched it (so the worker starts polling then, not before: fewer wasted
 * polls, for both CAs alike).
 */
final class ChallengeServer implements AutoCloseable {
    private static final String PREFIX = "/.well-known/acme-challenge/";
    private final HttpServer server;
    private final Map<String, Published> published = new ConcurrentHashMap<>();
    private final AtomicLong fetches = new AtomicLong();
    private final AtomicLong unknown = new AtomicLong();

    /** One published token: its answer, and a latch released by the first fetch. */
    static final class Published {
        final byte[] answer;
        final CountDownLatch fetched = new CountDownLatch(1);

        Published(String keyAuthorization) {
            this.answer = keyAuthorization.getBytes(StandardCharsets.US_ASCII);
        }

        /** Waits until the CA fetched the token, at most {@code millis}; true when it did. */
        boolean awaitFetch(long millis) throws InterruptedException {
            return fetched.await(millis, TimeUnit.MILLISECONDS);
        }
    }

    ChallengeServer(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        server.createContext(PREFIX, exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            Published p = path.length() > PREFIX.length() ? published.get(path.substring(PREFIX.length())) : null;
            exchange.getRequestBody().close();
            if (p == null) {
                unknown.incrementAndGet();
                exchange.sendResponseHeaders(404, -1);
            } else {
                fetches.incrementAndGet();
                exchange.getResponseHeaders().set("Content-Type", "text/plain");
                exchange.sendResponseHeaders(200, p.answer.length);
                exchange.getResponseBody().write(p.answer);
                p.fetched.countDown();
            }
            exchange.close();
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    Published publish(String token, String keyAuthorization) {
        Published p = new Published(keyAuthorization);
        published.put(token, p);
        return p;
    }

    void withdraw(String token) {
        published.remove(token);
    }

    long fetches() {
        return fetches.get();
    }

    /** Requests for tokens nobody published (a CA asking for the wrong thing, or too late). */
    long unknown() {
        return unknown.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
