package dev.certa.bench.load;

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
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One keep-alive HTTP/1.1 connection (plain or TLS) that POSTs bodies to one URL and reads each
 * response whole: the lightest client a load generator sharing two cores with the server can have. It
 * speaks just what certa (Jetty) and cfssl (Go net/http) answer with: a status line, headers, and a
 * body framed by {@code Content-Length} or chunked. Not thread-safe: one per worker.
 */
final class HttpConnection implements AutoCloseable {
    private final URI url;
    private final SSLContext tls;
    private final byte[] head;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    /**
     * @param tls used when the URL is https; the server's certificate is checked against it, host name included
     */
    HttpConnection(URI url, String contentType, SSLContext tls) {
        this.url = url;
        this.tls = tls;
        String path = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        this.head = ("POST " + path + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                + "\r\nContent-Type: " + contentType + "\r\nAccept: */*\r\nContent-Length: ").getBytes(StandardCharsets.US_ASCII);
    }

    /** A response: its status and, when asked for, its body. */
    record Response(int status, byte[] body) {}

    /** POSTs {@code body}; returns the status, and the body if {@code keepBody}. Reconnects when the server closed. */
    Response post(byte[] body, boolean keepBody) throws IOException {
        if (socket == null) {
            connect();
        }
        out.write(head);
        out.write(Integer.toString(body.length).getBytes(StandardCharsets.US_ASCII));
        out.write('\r');
        out.write('\n');
        out.write('\r');
        out.write('\n');
        out.write(body);
        out.flush();
        return read(keepBody);
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress(url.getHost(), url.getPort()), 10_000);
        s.setSoTimeout(30_000);
        if (url.getScheme().equalsIgnoreCase("https")) {
            SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(s, url.getHost(), url.getPort(), true);
            SSLParameters p = ssl.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            ssl.setSSLParameters(p);
            ssl.startHandshake();
            s = ssl;
        }
        socket = s;
        out = new BufferedOutputStream(s.getOutputStream(), 8192);
        in = new BufferedInputStream(s.getInputStream(), 16384);
    }

    private Response read(boolean keepBody) throws IOException {
        String status = line();
        if (!status.startsWith("HTTP/1.1 ") && !status.startsWith("HTTP/1.0 ")) {
            throw new IOException("not an HTTP response: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = status.startsWith("HTTP/1.0");
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        ByteArrayOutputStream kept = keepBody ? new ByteArrayOutputStream() : null;
        if (chunked) {
            for (long n = Long.parseLong(chunkSize(line()), 16); n > 0; n = Long.parseLong(chunkSize(line()), 16)) {
                body(n, kept);
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length >= 0) {
            body(length, kept);
        } else {
            close = true; // body until close: not expected from either server
            in.transferTo(kept == null ? OutputStream.nullOutputStream() : kept);
        }
        if (close) {
            close();
        }
        return new Response(code, kept == null ? new byte[0] : kept.toByteArray());
    }

    private static String chunkSize(String line) {
        int semi = line.indexOf(';');
        return (semi < 0 ? line : line.substring(0, semi)).trim();
    }

    private void body(long n, ByteArrayOutputStream kept) throws IOException {
        byte[] buf = new byte[8192];
        while (n > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, n));
            if (r < 0) {
                throw new EOFException("the server closed the connection in a response body");
            }
            if (kept != null) {
                kept.write(buf, 0, r);
            }
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
