package dev.certa.core.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx as a relying party in a test: one process in the foreground (no master, no workers,
 * so it never switches to another user), its configuration, pid,
 * logs and temporary files under {@code prefix}, listening on a free 127.0.0.1 port. The caller gives the
 * body of the {@code http} block with {@code %PORT%} where the port goes; {@link #close} stops it.
 */
public final class Nginx implements AutoCloseable {
    /** Where Debian's package installs it. */
    public static final Path BINARY = Path.of("/usr/sbin/nginx");
    private final Process process;
    private final Path prefix;
    private final int port;

    private Nginx(Process process, Path prefix, int port) {
        this.process = process;
        this.prefix = prefix;
        this.port = port;
    }

    /** Whether nginx is installed (tests skip with this reason when it is not). */
    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** Starts nginx with {@code httpBody} inside its {@code http} block and waits (at most 20 s) until it listens. */
    public static Nginx start(Path prefix, String httpBody) throws IOException, InterruptedException {
        Files.createDirectories(prefix);
        int port = freePort();
        Files.writeString(prefix.resolve("nginx.conf"), """
                daemon off;
                master_process off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log info;
                events { worker_connections 64; }
                http {
                    access_log %1$s/access.log;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                %2$s
                }
                """.formatted(prefix, httpBody.replace("%PORT%", String.valueOf(port))));
        Process p = new ProcessBuilder(BINARY.toString(), "-p", prefix.toString(), "-c", prefix.resolve("nginx.conf").toString(),
                "-e", prefix.resolve("error.log").toString())
                .redirectErrorStream(true).redirectOutput(prefix.resolve("stdout.log").toFile()).start();
        Nginx nginx = new Nginx(p, prefix, port);
        nginx.awaitListening();
        return nginx;
    }

    /** The port it listens on, at 127.0.0.1. */
    public int port() {
        return port;
    }

    /** Its error log so far (where it says why it refused a client). */
    public String errorLog() throws IOException {
        Path log = prefix.resolve("error.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("nginx exited: " + Files.readString(prefix.resolve("stdout.log")) + errorLog());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        close();
        throw new AssertionError("nginx did not listen on 127.0.0.1:" + port + " within 20 s: " + errorLog());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
