package dev.certa.server.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.certa.core.path.PathValidator;
import dev.certa.core.path.TrustStore;
import dev.certa.core.path.ValidationOptions;
import dev.certa.core.pem.PemReader;
import dev.certa.core.pem.PemWriter;
import dev.certa.server.testing.RunningCa;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's certbot and lego commands, run for real against a certa on loopback: each client
 * registers, answers http-01 with its own built-in web server on the port certa validates, finalizes
 * and saves the chain, which must verify with certa's root for the name asked. Names resolve to
 * 127.0.0.1 through this test's DNS server (certa's resolver); validation may reach loopback only
 * ({@code validation.allowed-private-networks}). Each test is skipped, saying so, when its client is
 * not installed ({@code .ci/run} installs both: Debian packages {@code certbot} and {@code lego}).
 */
@org.junit.jupiter.api.Tag("slow")
class CertbotLegoTest {
    private static final int TOOL_SECONDS = 120;
    @TempDir
    Path data;
    @TempDir
    Path work;
    private TestDnsServer dns;
    private RunningCa ca;
    private int http01Port;
    private Path root;

    @BeforeEach
    void start() throws Exception {
        dns = new TestDnsServer();
        http01Port = freePort();
        ca = RunningCa.start(data, Map.of("validation.http-01-port", String.valueOf(http01Port),
                "validation.dns-resolver", "127.0.0.1:" + dns.port(), "validation.allowed-private-networks", "127.0.0.1/32"),
                java.time.Clock.systemUTC());
        root = work.resolve("root.pem");
        Files.writeString(root, PemWriter.certificates(List.of(ca.info.root())));
    }

    @AfterEach
    void stop() throws Exception {
        if (ca != null) {
            ca.close();
        }
        dns.close();
    }

    @Test
    @Timeout(value = 3 * TOOL_SECONDS, unit = TimeUnit.SECONDS)
    void certbotGetsACertificateThatVerifiesWithCertasRoot() throws Exception {
        assumeTrue(onPath("certbot"), "certbot is not installed (apt-get install -y certbot): the README's certbot command is not checked");
        String name = "certbot.example.test";
        dns.address(name, InetAddress.getLoopbackAddress());
        Path dir = work.resolve("certbot");
        // the README's command, with the test's ports and private directories instead of /etc/letsencrypt
        Run r = run(Map.of("REQUESTS_CA_BUNDLE", root.toString()), "certbot", "certonly", "--standalone", "-d", name,
                "--server", directory(), "--register-unsafely-without-email", "--agree-tos",
                "--http-01-port", String.valueOf(http01Port), "--http-01-address", "127.0.0.1",
                "--non-interactive", "--config-dir", dir.resolve("config").toString(), "--work-dir", dir.resolve("work").toString(),
                "--logs-dir", dir.resolve("logs").toString());
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("Successfully received certificate");
        Path fullchain = dir.resolve("config/live/" + name + "/fullchain.pem");
        assertVerifies(fullchain, name);
        // certbot's key is its default, ECDSA P-256, and it matches the certificate
        X509Certificate leaf = chain(fullchain).getFirst();
        assertThat(leaf.getPublicKey().getAlgorithm()).isEqualTo("EC");
    }

    @Test
    @Timeout(value = 3 * TOOL_SECONDS, unit = TimeUnit.SECONDS)
    void legoGetsACertificateThatVerifiesWithCertasRoot() throws Exception {
        assumeTrue(onPath("lego"), "lego is not installed (apt-get install -y lego): the README's lego command is not checked");
        String name = "lego.example.test";
        dns.address(name, InetAddress.getLoopbackAddress());
        Path dir = work.resolve("lego");
        Run r = run(Map.of("LEGO_CA_CERTIFICATES", root.toString()), "lego", "--server", directory(), "--accept-tos",
                "--email", "ops@example.test", "--domains", name, "--http", "--http.port", "127.0.0.1:" + http01Port,
                "--path", dir.toString(), "run");
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("Server responded with a certificate");
        assertVerifies(dir.resolve("certificates/" + name + ".crt"), name);
        assertThat(dir.resolve("certificates/" + name + ".key")).exists();
    }

    private String directory() {
        return ca.https("/acme/directory").toString();
    }

    /** The saved chain (leaf first) verifies with certa's root, for {@code name}, now. */
    private void assertVerifies(Path chainFile, String name) throws Exception {
        assertThat(chainFile).exists();
        List<X509Certificate> chain = chain(chainFile);
        assertThat(chain).hasSize(2); // the leaf and certa's issuing CA
        assertThat(chain.getFirst().getSubjectAlternativeNames().stream().map(l -> String.valueOf(l.get(1))).toList())
                .containsExactly(name);
        var verdict = new PathValidator().validateChain(chain, List.of(new TrustStore("certa", "certa root", List.of(ca.info.root()))),
                ValidationOptions.server(Instant.now(), name));
        assertThat(verdict.trusted()).as(verdict.toString()).isTrue();
    }

    private static List<X509Certificate> chain(Path file) throws IOException {
        return PemReader.readCertificates(Files.readAllBytes(file), file.toString());
    }

    record Run(int exit, String output) {}

    /** Runs a client with {@code env} added, its output in a file, killed after {@link #TOOL_SECONDS}. */
    private Run run(Map<String, String> env, String... command) throws Exception {
        Path log = work.resolve(command[0] + ".out");
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(TOOL_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(command[0] + " did not finish within " + TOOL_SECONDS + " s; its output:\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String d : path.split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
