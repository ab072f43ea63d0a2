package dev.certa.core.revocation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * A minimal OCSP HTTP front for tests, on 127.0.0.1 and a free port: POST bodies and GET paths go to
 * the {@link OcspResponder}; undecodable requests get 400 with the malformedRequest body, as the
 * server is meant to answer them. {@link #close()} stops it.
 */
final class OcspHttpServer implements AutoCloseable {
    private final HttpServer server;

    OcspHttpServer(OcspResponder responder) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", exchange -> handle(responder, exchange));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private static void handle(OcspResponder responder, HttpExchange exchange) throws IOException {
        try (exchange) {
            OcspReply reply;
            if (exchange.getRequestMethod().equals("POST")) {
                try (InputStream body = exchange.getRequestBody()) {
                    reply = responder.respond(body.readNBytes(OcspRequests.MAX_REQUEST_BYTES + 1));
                }
            } else if (exchange.getRequestMethod().equals("GET")) {
                reply = responder.respondToGet(exchange.getRequestURI().getRawPath());
            } else {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] der = reply.der();
            exchange.getResponseHeaders().set("Content-Type", "application/ocsp-response");
            exchange.sendResponseHeaders(reply.problem().isPresent() ? 400 : 200, der.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(der);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
