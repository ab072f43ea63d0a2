package dev.certa.core.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code openssl s_server -www} on 127.0.0.1, a free port, its output in a log file. Started only
 * once the port accepts connections (bounded wait); {@link #close()} always ends the process.
 */
public final class OpenSslServer implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(15);

    private final Process process;
    private final int port;
    private final Path log;

    private OpenSslServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts {@code openssl s_server -accept 127.0.0.1:PORT -www} plus {@code args}, run in {@code dir}.
     * The free port is found by binding port 0 and releasing it; should another process take it
     * first, s_server exits at once and a new port is tried.
     */
    public static OpenSslServer start(Path dir, String... args) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            Path log = Files.createTempFile(dir, "s_server-", ".log");
            List<String> command = new ArrayList<>(List.of("/usr/bin/openssl", "s_server", "-accept", "127.0.0.1:" + port, "-www"));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            OpenSslServer server = new OpenSslServer(p, port, log);
            try {
                if (server.awaitListening()) {
                    return server;
                }
                server.close();
                if (attempt == 3) {
                    throw new AssertionError("openssl s_server could not bind a free port:\n" + server.log());
                }
            } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
                server.close();
                throw e;
            }
        }
    }

    public int port() {
        return port;
    }

    /** Everything s_server has printed so far. */
    public String log() throws IOException {
        return Files.readString(log, StandardCharsets.ISO_8859_1);
    }

    /**
     * Waits (bounded) until s_server has printed {@code text}, e.g. the verify error it logs after
     * rejecting a client, and returns the log. The log is returned as it is if the text never appears.
     */
    public String awaitLog(String text, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        String current = log();
        while (!current.contains(text) && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
            current = log();
        }
        return current;
    }

    /**
     * True once s_server has said ACCEPT (so it, not another process, holds the port) and the port
     * takes a connection; false if it exited because the port was taken. Bounded by {@link #STARTUP}.
     */
    private boolean awaitListening() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                process.waitFor();
                if (log().contains("Address already in use")) {
                    return false;
                }
                throw new AssertionError("openssl s_server exited with " + process.exitValue() + ":\n" + log());
            }
            if (log().contains("ACCEPT")) {
                try (Socket probe = new Socket()) {
                    probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                    return true;
                } catch (IOException notYet) {
                    // listening is announced just before accept(); try again
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("openssl s_server did not listen on port " + port + " within " + STARTUP + ":\n" + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
