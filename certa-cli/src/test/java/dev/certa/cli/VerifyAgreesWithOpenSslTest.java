package dev.certa.cli;

import static dev.certa.cli.TrustPki.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.testing.Tools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code certa verify} and {@code openssl verify} judge the same certa-made chains the same way: both
 * accept the good chain and both refuse each broken one, and certa names what is wrong.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerifyAgreesWithOpenSslTest {
    @TempDir
    static Path dir;

    private CliRunner certa;

    @BeforeAll
    void writeChains() {
        new TrustPki().writeTo(dir);
        certa = new CliRunner(dir);
    }

    /**
     * One case: the certificate files (leaf first), the trusted roots, the host checked, the purpose,
     * whether it should be trusted, and what certa's output must say.
     */
    record Case(String name, List<String> files, String roots, String host, String purpose, boolean trusted,
            List<String> certaSays, String opensslSays) {
        @Override
        public String toString() {
            return name;
        }
    }

    Stream<Arguments> cases() {
        return Stream.of(
                new Case("good chain", List.of("good.pem", "intermediate.pem"), "root.pem", HOST, "server", true,
                        List.of(HOST + ": TRUSTED", "leaf", "trusted (store: root.pem)"), ": OK"),
                new Case("missing intermediate", List.of("good.pem"), "root.pem", HOST, "server", false,
                        List.of(HOST + ": NOT TRUSTED", "CN=Shop Intermediate CA", "full chain"),
                        "unable to get local issuer certificate"),
                new Case("expired leaf", List.of("expired.pem", "intermediate.pem"), "root.pem", HOST, "server", false,
                        List.of(HOST + ": NOT TRUSTED", "expired", "renew"), "certificate has expired"),
                new Case("wrong host", List.of("good.pem", "intermediate.pem"), "root.pem", "www.elsewhere.test", "server",
                        false, List.of("www.elsewhere.test: NOT TRUSTED", "www.elsewhere.test", HOST), "hostname mismatch"),
                new Case("untrusted root", List.of("good.pem", "intermediate.pem"), "other-root.pem", HOST, "server", false,
                        List.of(HOST + ": NOT TRUSTED", "its issuer 'CN=Shop Root CA,O=certa tests' was not sent and is not in any trusted store"), "unable to get local issuer certificate"),
                new Case("leaf used as CA", List.of("under-leaf.pem", "good.pem", "intermediate.pem"), "root.pem", "sub." + HOST,
                        "server", false, List.of("NOT TRUSTED", "CN=" + HOST, "not a CA"), "invalid CA certificate"),
                new Case("client certificate for server purpose", List.of("client.pem", "intermediate.pem"), "root.pem", HOST,
                        "server", false, List.of(HOST + ": NOT TRUSTED", "serverAuth"), "certificate purpose"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void certaAndOpenSslAgree(Case c) {
        List<String> args = new ArrayList<>(List.of("verify"));
        args.addAll(c.files());
        args.addAll(List.of("--roots", c.roots(), "--host", c.host(), "--purpose", c.purpose()));
        CliRunner.Result certaResult = certa.run(args.toArray(String[]::new));

        Tools.Result openssl = openSslVerify(c);

        assertThat(certaResult.exitCode()).as("certa verify exit code%n%s", certaResult.all()).isEqualTo(c.trusted() ? 0 : 1);
        assertThat(openssl.exitCode() == 0).as("openssl verify accepts%n%s", openssl.output()).isEqualTo(c.trusted());
        assertThat(openssl.output()).contains(c.opensslSays());
        assertThat(certaResult.out()).contains(c.certaSays());
        assertThat(certaResult.err()).isEmpty();
        if (!c.trusted()) {
            assertThat(certaResult.out()).contains("Problems:", "Fix: ");
        }
    }

    /** openssl verify with the leaf's companions as untrusted intermediates, checking purpose and host. */
    private Tools.Result openSslVerify(Case c) {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/openssl", "verify", "-CAfile", c.roots(),
                "-purpose", c.purpose().equals("server") ? "sslserver" : "sslclient", "-verify_hostname", c.host()));
        if (c.files().size() > 1) {
            String untrusted = "untrusted-" + c.name().replace(' ', '-') + ".pem";
            TrustPki.writeText(dir, untrusted, String.join("", c.files().subList(1, c.files().size()).stream()
                    .map(certa::read).toList()));
            cmd.addAll(List.of("-untrusted", untrusted));
        }
        cmd.add(c.files().get(0));
        return Tools.run(dir, cmd);
    }
}
