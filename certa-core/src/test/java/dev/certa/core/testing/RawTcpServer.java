package dev.certa.core.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.TimeUnit;

/**
 * A TCP server on 127.0.0.1 (ephemeral port) that treats each connection with a given behaviour:
 * answering with plain HTTP, saying nothing, closing in the middle of a handshake. For testing how
 * clients describe servers that do not speak TLS properly. Reads are bounded; {@link #close()}
 * ends the accept loop and waits for it.
 */
public final class RawTcpServer implements AutoCloseable {
    private static final int TIMEOUT_MILLIS = 10_000;

    /** What the server does with one accepted connection; the connection is closed afterwards. */
    @FunctionalInterface
    public interface Behaviour {
        void serve(Socket connection) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final Thread loop;

    public RawTcpServer(Behaviour behaviour) throws IOException {
        this.socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        this.loop = new Thread(() -> serve(behaviour), "raw-tcp-server-" + socket.getLocalPort());
        loop.setDaemon(true);
        loop.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Answers whatever comes with an HTTP 400 page, as a plain HTTP server does to a TLS ClientHello. */
    public static Behaviour plainHttp() {
        return c -> {
            c.getInputStream().read(new byte[1024]);
            c.getOutputStream().write(("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n"
                    + "This is a plain HTTP server.\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            c.getOutputStream().flush();
        };
    }

    /** Reads the ClientHello and says nothing until the client gives up. */
    public static Behaviour silent() {
        return c -> c.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    }

    /** Reads the ClientHello, sends the first bytes of a TLS handshake record, and closes. */
    public static Behaviour closesMidHandshake() {
        return c -> {
            c.getInputStream().read(new byte[1024]);
            // a handshake record header announcing 512 bytes, then a ServerHello's first bytes only
            c.getOutputStream().write(new byte[] {0x16, 0x03, 0x03, 0x02, 0x00, 0x02, 0x00, 0x01, (byte) 0xfc, 0x03, 0x03});
            c.getOutputStream().flush();
        };
    }

    /** Reads the ClientHello and closes without a word. */
    public static Behaviour hangsUp() {
        return c -> c.getInputStream().read(new byte[1024]);
    }

    private void serve(Behaviour behaviour) {
        while (!socket.isClosed()) {
            try (Socket c = socket.accept()) {
                c.setSoTimeout(TIMEOUT_MILLIS);
                behaviour.serve(c);
            } catch (SocketException closed) {
                if (socket.isClosed()) {
                    return;
                }
            } catch (IOException e) {
                // the client went away; serve the next one
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        loop.interrupt();
        try {
            loop.join(TimeUnit.SECONDS.toMillis(TIMEOUT_MILLIS / 1000 + 5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
