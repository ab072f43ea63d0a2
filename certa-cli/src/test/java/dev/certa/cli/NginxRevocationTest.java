package dev.certa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.testing.Tools;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nginx as the relying party of an offline certa CA: {@code ssl_verify_client on} with
 * {@code ssl_crl} set to the CRLs 'certa crl' writes (root and intermediate: nginx checks every level).
 * A good client certificate gets in; a revoked one is refused and nginx's log says why.
 */
@Tag("slow")
class NginxRevocationTest {
    private static final Path NGINX = Path.of("/usr/sbin/nginx");

    @TempDir
    static Path tmp;

    static CliRunner cli;
    static Process nginx;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(NGINX), "nginx is not installed (apt-get install nginx)");
        Assumptions.assumeTrue(Tools.run(tmp, "sh", "-c", "command -v curl").ok(), "curl is not installed");
        // when the tests run as root, nginx's workers run as nobody: they must be able to reach the prefix
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        cli = new CliRunner(tmp).withCa();
        ok("cert", "create", "localhost", "127.0.0.1", "--file-name", "server");
        ok("cert", "create", "alice@nginx.test", "--profile", "client", "--file-name", "alice");
        ok("cert", "create", "mallory@nginx.test", "--profile", "client", "--file-name", "mallory");
        ok("revoke", "--cert", "mallory.pem", "--dir", "ca", "--reason", "keyCompromise");
        ok("crl", "--dir", "ca");

        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path prefix = tmp.resolve("nginx");
        Files.createDirectories(prefix);
        Files.writeString(prefix.resolve("nginx.conf"), """
                worker_processes 1;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log info;
                events { worker_connections 32; }
                http {
                    access_log %1$s/access.log;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    server {
                        listen 127.0.0.1:%2$d ssl;
                        ssl_certificate %3$s/server-fullchain.pem;
                        ssl_certificate_key %3$s/server-key.pem;
                        ssl_client_certificate %3$s/ca/ca-chain.pem;
                        ssl_verify_client on;
                        ssl_verify_depth 3;
                        ssl_crl %3$s/ca/crl/crls.pem;
                        location / { return 200 "hello $ssl_client_s_dn\\n"; }
                    }
                }
                """.formatted(prefix, port, tmp));
        nginx = new ProcessBuilder(NGINX.toString(), "-p", prefix.toString(), "-c", prefix.resolve("nginx.conf").toString(),
                "-e", prefix.resolve("error.log").toString())
                .redirectErrorStream(true).redirectOutput(prefix.resolve("stdout.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!listening()) {
            if (!nginx.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("nginx did not start: " + Files.readString(prefix.resolve("stdout.log"))
                        + Files.readString(prefix.resolve("error.log")));
            }
            Thread.sleep(50);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
                nginx.destroyForcibly();
            }
        }
    }

    private static boolean listening() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void ok(String... args) {
        var r = cli.run(args);
        assertThat(r.exitCode()).as(r.all()).isZero();
    }

    private static Tools.Result curl(String who) {
        return Tools.run(tmp, List.of("curl", "-sS", "--max-time", "10", "--cacert", "ca/root-ca.pem",
                "--cert", who + "-fullchain.pem", "--key", who + "-key.pem", "-w", "\nstatus=%{http_code}",
                "https://127.0.0.1:" + port + "/"));
    }

    @Test
    void nginxAcceptsAGoodClientCertificate() {
        var r = curl("alice");
        assertThat(r.output()).contains("hello CN=alice@nginx.test").contains("status=200");
    }

    @Test
    void nginxRefusesARevokedClientCertificateAndLogsWhy() throws Exception {
        var r = curl("mallory");
        assertThat(r.output()).contains("status=400").contains("The SSL certificate error");
        assertThat(Files.readString(tmp.resolve("nginx/error.log"))).contains("certificate revoked");
    }
}
