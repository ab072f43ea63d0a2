package dev.certa.core.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * A JDK {@code HttpServer} on 127.0.0.1 (ephemeral port) serving fixed bodies by path, as a CA's AIA
 * or CRL web server does; a path not added answers 404. {@link #close()} stops it.
 */
public final class HttpFiles implements AutoCloseable {
    private final HttpServer server;

    public HttpFiles() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", x -> {
            x.sendResponseHeaders(404, -1);
            x.close();
        });
        server.start();
    }

    /** Serves {@code body} at {@code path} ("/int.der") as {@code contentType}. */
    public HttpFiles serve(String path, String contentType, byte[] body) {
        server.createContext(path, x -> {
            x.getRequestBody().readAllBytes();
            x.getResponseHeaders().add("Content-Type", contentType);
            x.sendResponseHeaders(200, body.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        });
        return this;
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
