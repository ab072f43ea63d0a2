package dev.certa.core.interop;

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
final class OpenSslServer implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(15);

    private final Process process;
    private final int port;
    private final Path log;

    private OpenSslServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts {@code openssl s_server -accept 127.0.0.1:PORT -www} plus {@code args}, run in {@code dir}. */
    static OpenSslServer start(Path dir, String... args) throws IOException, InterruptedException {
        int port = freePort();
        Path log = Files.createTempFile(dir, "s_server-", ".log");
        List<String> command = new ArrayList<>(List.of(OpenSsl.PATH, "s_server", "-accept", "127.0.0.1:" + port, "-www"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        OpenSslServer server = new OpenSslServer(p, port, log);
        try {
            server.awaitListening();
            return server;
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            server.close();
            throw e;
        }
    }

    int port() {
        return port;
    }

    /** Everything s_server has printed so far. */
    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /**
     * Waits (bounded) until s_server has printed {@code text}, e.g. the verify error it logs after
     * rejecting a client, and returns the log. The log is returned as it is if the text never appears.
     */
    String awaitLog(String text, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        String current = log();
        while (!current.contains(text) && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
            current = log();
        }
        return current;
    }

    private void awaitListening() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("openssl s_server exited with " + process.exitValue() + ":\n" + log());
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(25);
            }
        }
        throw new AssertionError("openssl s_server did not listen on port " + port + " within " + STARTUP + ":\n" + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
