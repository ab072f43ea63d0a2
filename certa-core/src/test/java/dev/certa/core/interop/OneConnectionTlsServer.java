package dev.certa.core.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A JSSE server on 127.0.0.1 (ephemeral port) that serves one connection: it completes the
 * handshake, reads one line and answers {@code "hello " + line}, then closes. {@link #served()}
 * reports what it saw, or rethrows what ended its side of the connection.
 */
final class OneConnectionTlsServer implements AutoCloseable {

    /** What the server saw: the request line (empty if the client sent none) and the client's chain. */
    record Served(String line, List<X509Certificate> clientChain) {}

    private final SSLServerSocket socket;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "one-connection-tls-server");
        t.setDaemon(true);
        return t;
    });
    private final Future<Served> served;

    OneConnectionTlsServer(SSLContext ctx, boolean needClientAuth) throws IOException {
        socket = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress());
        socket.setSoTimeout(Jsse.TIMEOUT_MILLIS);
        socket.setNeedClientAuth(needClientAuth);
        served = executor.submit(() -> serveOne(needClientAuth));
    }

    int port() {
        return socket.getLocalPort();
    }

    private Served serveOne(boolean clientAuth) throws IOException {
        try (SSLSocket s = (SSLSocket) socket.accept()) {
            s.setSoTimeout(Jsse.TIMEOUT_MILLIS);
            s.startHandshake();
            List<X509Certificate> chain = clientAuth
                    ? Arrays.stream(s.getSession().getPeerCertificates()).map(X509Certificate.class::cast).toList()
                    : List.<X509Certificate>of();
            String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                return new Served("", chain);
            }
            OutputStream out = s.getOutputStream();
            out.write(("hello " + line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return new Served(line, chain);
        }
    }

    /** What the server saw; throws the server-side exception if its side failed. */
    Served served() throws Exception {
        try {
            return served.get(Jsse.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** The exception that ended the server's side; fails if the server did not fail. */
    Throwable failure() throws InterruptedException, TimeoutException {
        try {
            Served s = served.get(Jsse.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            throw new AssertionError("the server accepted the connection and read '" + s.line() + "'"
                    + " from a client presenting " + s.clientChain().stream().findFirst()
                            .map(c -> "'" + c.getSubjectX500Principal().getName() + "'").orElse("no certificate"));
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            socket.close();
        } finally {
            executor.shutdownNow();
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
