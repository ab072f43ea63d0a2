package dev.certa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.testing.Nginx;
import dev.certa.core.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    @TempDir
    static Path tmp;

    static CliRunner cli;
    static Nginx nginx;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Nginx.installed(), "nginx is not installed (apt-get install nginx)");
        Assumptions.assumeTrue(Tools.run(tmp, "sh", "-c", "command -v curl").ok(), "curl is not installed");
        cli = new CliRunner(tmp).withCa();
        ok("cert", "create", "localhost", "127.0.0.1", "--file-name", "server");
        ok("cert", "create", "alice@nginx.test", "--profile", "client", "--file-name", "alice");
        ok("cert", "create", "mallory@nginx.test", "--profile", "client", "--file-name", "mallory");
        ok("revoke", "--cert", "mallory.pem", "--dir", "ca", "--reason", "keyCompromise");
        ok("crl", "--dir", "ca");

        nginx = Nginx.start(tmp.resolve("nginx"), """
                    server {
                        listen 127.0.0.1:%%PORT%% ssl;
                        ssl_certificate %1$s/server-fullchain.pem;
                        ssl_certificate_key %1$s/server-key.pem;
                        ssl_client_certificate %1$s/ca/ca-chain.pem;
                        ssl_verify_client on;
                        ssl_verify_depth 3;
                        ssl_crl %1$s/ca/crl/crls.pem;
                        location / { return 200 "hello $ssl_client_s_dn\\n"; }
                    }
                """.formatted(tmp));
        port = nginx.port();
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) {
            nginx.close();
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
