package dev.certa.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.certa.core.testing.Nginx;
import java.nio.file.Path;
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
    private static final String WARNING = "Warning: the server asked for a client certificate";

    @TempDir
    static Path dir;

    private CliRunner certa;
    private Nginx nginx;
    private int port;

    @BeforeAll
    void startNginx() throws Exception {
        assumeTrue(Nginx.installed(), "nginx is not installed at " + Nginx.BINARY + " (Debian package nginx)");
        certa = new CliRunner(dir).withCa();
        run("cert", "create", "localhost", "127.0.0.1", "--file-name", "server");
        run("cert", "create", "alice@acme.test", "--profile", "client", "--file-name", "alice");
        nginx = Nginx.start(dir.resolve("nginx"), """
                    server {
                        listen 127.0.0.1:%%PORT%% ssl;
                        ssl_certificate %1$s/server-fullchain.pem;
                        ssl_certificate_key %1$s/server-key.pem;
                        ssl_client_certificate %1$s/ca/root-ca.pem;
                        ssl_verify_client on;
                        ssl_verify_depth 3;
                        location / { return 200 "hello\\n"; }
                    }
                """.formatted(dir));
        port = nginx.port();
    }

    @AfterAll
    void stopNginx() throws Exception {
        if (nginx != null) {
            nginx.close();
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
}
