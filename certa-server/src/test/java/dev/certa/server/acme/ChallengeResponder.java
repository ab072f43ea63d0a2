package dev.certa.server.acme;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Serves /.well-known/acme-challenge/TOKEN on 127.0.0.1 at a free port: what a web server does for http-01. */
final class ChallengeResponder implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();

    ChallengeResponder() throws IOException {
        this(0);
    }

    /** On {@code port} (0: a free one). */
    ChallengeResponder(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.createContext("/.well-known/acme-challenge/", exchange -> {
            String token = exchange.getRequestURI().getPath().substring("/.well-known/acme-challenge/".length());
            String location = redirects.get(token);
            if (location != null) {
                exchange.getResponseHeaders().set("Location", location);
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
                return;
            }
            String answer = answers.get(token);
            byte[] body = (answer == null ? "no such token" : answer).getBytes(StandardCharsets.US_ASCII);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(answer == null ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    void answer(String token, String content) {
        answers.put(token, content);
    }

    /** Answers the request for {@code token} with a 302 redirect to {@code location}. */
    void redirect(String token, String location) {
        redirects.put(token, location);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
