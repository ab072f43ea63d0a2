package dev.certa.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code openssl ocsp} as a responder ({@code -index … -port … -rsigner … -CA …}), answering from an
 * {@code openssl ca} index.txt. Started once it says it listens (bounded wait); {@link #close()}
 * always ends the process.
 */
final class OcspResponder implements AutoCloseable {
    private final Process process;
    private final Path log;

    private OcspResponder(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static OcspResponder start(Path dir, int port, String... args) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "ocsp-", ".log");
        List<String> command = new ArrayList<>(List.of("/usr/bin/openssl", "ocsp", "-port", String.valueOf(port)));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        OcspResponder r = new OcspResponder(p, log);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            if (!p.isAlive()) {
                throw new AssertionError("openssl ocsp exited:\n" + Files.readString(log));
            }
            // printed once the port is bound and listening; a test connection is not made, because
            // openssl 3.0's responder hangs on a connection closed without a request
            if (Files.readString(log).toLowerCase(java.util.Locale.ROOT).contains("ocsp client connections")) {
                return r;
            }
            Thread.sleep(20);
        }
        r.close();
        throw new AssertionError("openssl ocsp did not listen on " + port + ":\n" + Files.readString(log));
    }

    String log() throws IOException {
        return Files.readString(log);
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
