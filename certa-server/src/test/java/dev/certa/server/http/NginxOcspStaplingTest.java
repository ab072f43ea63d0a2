package dev.certa.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certa.core.pem.PemWriter;
import dev.certa.core.testing.Nginx;
import dev.certa.core.testing.Tools;
import dev.certa.server.testing.RunningCa;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's nginx staples certa's OCSP answers (RFC 6960 A.1 GET, with {@code /} in the base64 sent as
 * {@code %2F}, exactly as nginx builds the URL) for 20 fresh certificates from one CA, and each TLS
 * handshake carries a good, verified response. The responder URL in the certificates is the CA's
 * plain-HTTP port on 127.0.0.1, so nginx needs no {@code resolver}.
 *
 * <p>Run alone: {@code mvn -pl certa-server -am test -Dgroups=nginx -Dsurefire.failIfNoSpecifiedTests=false}.
 * Skips (with the reason) when nginx is not installed; {@code .ci/run} installs it.
 */
@Tag("nginx")
@Tag("slow")
class NginxOcspStaplingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CERTIFICATES = 20;
    /** nginx fetches a staple on the first handshake that needs it and sends it from the next one on. */
    private static final int HANDSHAKES_PER_CERTIFICATE = 15;
    @TempDir
    Path dir;

    @Test
    void nginxStaplesAGoodResponseForTwentyFreshCertificatesIncludingAnEncodedSlash() throws Exception {
        assumeTrue(Nginx.installed(), "nginx is not installed (apt-get install -y nginx): OCSP stapling by nginx is not checked");
        try (RunningCa ca = RunningCa.start(dir.resolve("data"), Map.of("public-host", "127.0.0.1"), Clock.systemUTC())) {
            Path conf = Files.createDirectories(dir.resolve("nginx"));
            Path trusted = Files.writeString(conf.resolve("trusted.pem"), PemWriter.certificates(List.of(ca.info.issuingCa(), ca.info.root())));
            Path root = Files.writeString(conf.resolve("root.pem"), PemWriter.certificates(List.of(ca.info.root())));

            List<Site> sites = new ArrayList<>();
            boolean slash = false;
            for (int i = 0; sites.size() < CERTIFICATES && i < 3 * CERTIFICATES; i++) {
                Site s = issue(ca, conf, "staple-" + i + ".example.test");
                boolean hasSlash = OcspRequestsForTests.base64(ca.info.issuingCa(), s.serial()).contains("/");
                if (sites.size() == CERTIFICATES - 1 && !slash && !hasSlash) {
                    continue; // the last place is kept for a certificate whose OCSP GET URL holds %2F
                }
                slash |= hasSlash;
                sites.add(s);
            }
            assertThat(sites).hasSize(CERTIFICATES);
            assertThat(slash).as("a certificate whose OCSP request's base64 holds '/'").isTrue();

            try (Nginx nginx = Nginx.start(conf, config(trusted, sites))) {
                for (Site s : sites) {
                    String staple = stapledResponse(conf, nginx.port(), s.name(), root);
                    String hex = s.serial().toString(16).toUpperCase(Locale.ROOT);
                    assertThat(staple).as(s.name() + "\n" + staple + "\n" + nginx.errorLog())
                            .contains("OCSP Response Status: successful", "Cert Status: good",
                                    "Serial Number: " + (hex.length() % 2 == 0 ? hex : "0" + hex));
                }
            }
        }
    }

    private record Site(String name, java.math.BigInteger serial, Path chain, Path key) {}

    private static Site issue(RunningCa ca, Path conf, String name) throws Exception {
        RunningCa.KeyAndCsr kc = ca.csr(name);
        String body = JSON.createObjectNode().put("token", ca.token(name)).put("csr", kc.csrPem()).toString();
        HttpResponse<String> r = ca.postJson("/sign", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        List<X509Certificate> chain = RunningCa.certificates(JSON.readTree(r.body()).get("fullchain").asText());
        Path chainFile = Files.writeString(conf.resolve(name + ".pem"), PemWriter.certificates(chain));
        Path keyFile = Files.writeString(conf.resolve(name + ".key"), PemWriter.privateKey(kc.key().getPrivate()));
        return new Site(name, chain.get(0).getSerialNumber(), chainFile, keyFile);
    }

    private static String config(Path trusted, List<Site> sites) {
        StringBuilder c = new StringBuilder();
        c.append("  ssl_stapling on;\n  ssl_stapling_verify on;\n  ssl_trusted_certificate ").append(trusted).append(";\n");
        for (Site s : sites) {
            c.append("  server {\n    listen 127.0.0.1:%PORT% ssl;\n    server_name ").append(s.name()).append(";\n")
                    .append("    ssl_certificate ").append(s.chain()).append(";\n    ssl_certificate_key ").append(s.key()).append(";\n")
                    .append("    location / { return 200 \"ok\\n\"; }\n  }\n");
        }
        return c.toString();
    }

    /** openssl s_client's account of the stapled response, retried while nginx is still fetching it. */
    private static String stapledResponse(Path conf, int port, String name, Path root) throws Exception {
        String out = "";
        for (int i = 0; i < HANDSHAKES_PER_CERTIFICATE; i++) {
            out = Tools.run(conf, "openssl", "s_client", "-connect", "127.0.0.1:" + port, "-servername", name, "-status",
                    "-CAfile", root.toString(), "-verify_return_error").output();
            if (out.contains("OCSP Response Status: successful")) {
                return out;
            }
            Thread.sleep(200);
        }
        return out;
    }

    private static String read(Path p) throws java.io.IOException {
        return Files.exists(p) ? Files.readString(p) : "";
    }
}
