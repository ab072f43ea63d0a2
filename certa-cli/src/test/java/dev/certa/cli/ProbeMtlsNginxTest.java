package dev.certa.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real nginx with {@code ssl_verify_client on} and a certa CA: it completes the handshake whatever
 * the client sends, then answers 400. {@code certa probe} once reported success against it; now it
 * warns for no client certificate and for a server-profile certificate (no clientAuth), and is silent
 * for a proper client certificate. nginx runs with its own prefix, pid file and error log in the test's
 * directory, on a free 127.0.0.1 port.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.Tag("slow")
class ProbeMtlsNginxTest {
    private static final Path NGINX = Path.of("/usr/sbin/nginx");
    private static final String WARNING = "Warning: the server asked for a client certificate";

    @TempDir
    static Path dir;

    private CliRunner certa;
    private Process nginx;
    private int port;

    @BeforeAll
    void startNginx() throws Exception {
        assumeTrue(Files.isExecutable(NGINX), "nginx is not installed at " + NGINX + " (Debian package nginx)");
        certa = new CliRunner(dir).withCa();
        run("cert", "create", "localhost", "127.0.0.1", "--file-name", "server");
        run("cert", "create", "alice@acme.test", "--profile", "client", "--file-name", "alice");
        port = freePort();
        Path prefix = Files.createDirectories(dir.resolve("nginx"));
        Files.writeString(prefix.resolve("nginx.conf"), """
                daemon off;
                master_process off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log info;
                events { worker_connections 32; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    server {
                        listen 127.0.0.1:%2$d ssl;
                        ssl_certificate %3$s/server-fullchain.pem;
                        ssl_certificate_key %3$s/server-key.pem;
                        ssl_client_certificate %3$s/ca/root-ca.pem;
                        ssl_verify_client on;
                        ssl_verify_depth 3;
                        location / { return 200 "hello\\n"; }
                    }
                }
                """.formatted(prefix, port, dir));
        nginx = new ProcessBuilder(NGINX.toString(), "-p", prefix.toString(), "-e", prefix.resolve("error.log").toString(),
                "-c", prefix.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(prefix.resolve("stdout.log").toFile()).start();
        awaitListening(prefix);
    }

    @AfterAll
    void stopNginx() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
                nginx.destroyForcibly();
            }
        }
    }

    private void run(String... args) {
        CliRunner.Result r = certa.run(args);
        assertThat(r.exitCode()).as(r.all()).isZero();
    }

    private CliRunner.Result probe(String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "probe";
        args[1] = "127.0.0.1:" + port;
        args[2] = "--roots";
        args[3] = "ca/root-ca.pem";
        System.arraycopy(more, 0, args, 4, more.length);
        return certa.run(args);
    }

    @Test
    void noClientCertificateIsWarnedAbout() {
        CliRunner.Result r = probe();
        assertThat(r.out()).as(r.all()).startsWith("127.0.0.1: TRUSTED")
                .contains("Client certificate: the server asked for one")
                .contains(WARNING + " and none was sent (no --cert was given); the server may still refuse every request"
                        + " after the handshake (nginx with ssl_verify_client on completes it, then answers 400)");
    }

    @Test
    void aServerProfileCertificateIsWarnedAboutForLackingClientAuth() {
        CliRunner.Result r = probe("--cert", "server-fullchain.pem", "--key", "server-key.pem");
        assertThat(r.out()).as(r.all()).contains("one was sent (--cert)")
                .contains("Warning: the client certificate 'CN=localhost' lacks the extended key usage clientAuth")
                .contains("the server may still refuse every request after the handshake");
    }

    @Test
    void aProperClientCertificateFromTheListedCaDrawsNoWarning() {
        CliRunner.Result r = probe("--cert", "alice-fullchain.pem", "--key", "alice-key.pem");
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).as(r.all()).startsWith("127.0.0.1: TRUSTED").contains("one was sent (--cert)")
                .doesNotContain("Warning: the client", WARNING, "Refused");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void awaitListening(Path prefix) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!nginx.isAlive()) {
                throw new AssertionError("nginx exited: " + Files.readString(prefix.resolve("stdout.log"))
                        + (Files.exists(prefix.resolve("error.log")) ? Files.readString(prefix.resolve("error.log")) : ""));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("nginx did not listen on 127.0.0.1:" + port + " within 20 s");
    }
}
