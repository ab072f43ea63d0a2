package dev.certa.bench.acme;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One keep-alive HTTP/1.1 connection over TLS to one origin (scheme, host, port), the lean ACME
 * client's transport: GET, HEAD and POST to any path there, each response read whole with the headers
 * ACME uses. It speaks what Jetty (certa) and Go's net/http (Pebble) answer with: bodies framed by
 * {@code Content-Length} or chunked. Reconnects once when the server had closed an idle connection.
 * Not thread-safe: one per worker and origin.
 */
final class AcmeConnection implements AutoCloseable {
    private final String host;
    private final int port;
    private final SSLContext tls;
    private final String hostHeader;
    private final int timeoutMillis;
    private Socket socket;
    private OutputStream out;
    private InputStream in;
    private long requests;

    AcmeConnection(URI origin, SSLContext tls, int timeoutMillis) {
        if (!"https".equalsIgnoreCase(origin.getScheme())) {
            throw new IllegalArgumentException("an ACME server is reached over https, not " + origin);
        }
        this.host = origin.getHost();
        this.port = origin.getPort() < 0 ? 443 : origin.getPort();
        this.tls = tls;
        this.hostHeader = host + ":" + port;
        this.timeoutMillis = timeoutMillis;
    }

    /** A whole response: the status, the headers (names in lower case, the last value of each), the body. */
    record Response(int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    long requests() {
        return requests;
    }

    Response send(String method, String pathAndQuery, String contentType, byte[] body) throws IOException {
        boolean fresh = socket == null;
        if (fresh) {
            connect();
        }
        try {
            return exchange(method, pathAndQuery, contentType, body);
        } catch (EOFException e) {
            close();
            if (fresh) {
                throw e;
            }
            connect(); // the server closed an idle connection: once more on a new one
            return exchange(method, pathAndQuery, contentType, body);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private Response exchange(String method, String path, String contentType, byte[] body) throws IOException {
        StringBuilder h = new StringBuilder(160).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                .append(hostHeader).append("\r\nUser-Agent: certa-bench\r\nAccept: */*\r\n");
        if (body != null) {
            h.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        h.append("\r\n");
        out.write(h.toString().getBytes(StandardCharsets.US_ASCII));
        if (body != null) {
            out.write(body);
        }
        out.flush();
        requests++;
        return read(method.equals("HEAD"));
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress(host, port), timeoutMillis);
        s.setSoTimeout(timeoutMillis);
        SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(s, host, port, true);
        SSLParameters p = ssl.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        ssl.setSSLParameters(p);
        ssl.startHandshake();
        socket = ssl;
        out = new BufferedOutputStream(ssl.getOutputStream(), 8192);
        in = new BufferedInputStream(ssl.getInputStream(), 16384);
    }

    private Response read(boolean head) throws IOException {
        String status = line();
        if (!status.startsWith("HTTP/1.1 ") && !status.startsWith("HTTP/1.0 ")) {
            throw new IOException("not an HTTP response: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        Map<String, String> headers = new HashMap<>();
        for (String l = line(); !l.isEmpty(); l = line()) {
            int colon = l.indexOf(':');
            if (colon > 0) {
                headers.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
            }
        }
        boolean close = status.startsWith("HTTP/1.0") || "close".equalsIgnoreCase(headers.get("connection"));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String te = headers.get("transfer-encoding");
        String length = headers.get("content-length");
        if (head || code == 204 || code == 304) {
            // no body
        } else if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
            for (long n = chunkSize(line()); n > 0; n = chunkSize(line())) {
                body(n, body);
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length != null) {
            body(Long.parseLong(length), body);
        } else {
            close = true;
            in.transferTo(body);
        }
        if (close) {
            close();
        }
        return new Response(code, headers, body.toByteArray());
    }

    private static long chunkSize(String line) {
        int semi = line.indexOf(';');
        return Long.parseLong((semi < 0 ? line : line.substring(0, semi)).trim(), 16);
    }

    private void body(long n, ByteArrayOutputStream to) throws IOException {
        byte[] buf = new byte[8192];
        while (n > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, n));
            if (r < 0) {
                throw new EOFException("the server closed the connection in a response body");
            }
            to.write(buf, 0, r);
            n -= r;
        }
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("the server closed the connection");
            }
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
            socket = null;
        }
    }
}
