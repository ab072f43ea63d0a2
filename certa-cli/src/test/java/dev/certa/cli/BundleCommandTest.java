package dev.certa.cli;

import static dev.certa.cli.TrustPki.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.pem.PemReader;
import dev.certa.core.testing.Tools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code certa bundle}: a pile in any order becomes leaf → intermediates, extras listed, openssl agrees. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BundleCommandTest {
    @TempDir
    static Path dir;

    private TrustPki pki;
    private CliRunner certa;

    @BeforeAll
    void writeChains() {
        pki = new TrustPki().writeTo(dir);
        certa = new CliRunner(dir);
        // a pile: the root, an unrelated root, the two intermediates in the wrong order
        TrustPki.write(dir, "pile.pem", pki.root(), pki.other.root.certificate(), pki.upper.certificate(),
                pki.intermediate(), pki.lower.certificate());
    }

    private List<X509Certificate> certificates(String pem) {
        return PemReader.readCertificates(pem.getBytes(StandardCharsets.US_ASCII), "output");
    }

    @Test
    void ordersThePileLeavesOutTheRootAndFlagsExtras() {
        CliRunner.Result r = certa.run("bundle", "deep.pem", "pile.pem", "--roots", "root.pem");
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(certificates(r.out())).containsExactly(pki.deep.issued().certificate(), pki.lower.certificate(),
                pki.upper.certificate());
        assertThat(r.err()).contains(
                "Chain, in the order to serve it (leaf first):\n  [0] CN=" + HOST + "\n  [1] CN=Shop Lower CA,O=certa tests\n"
                        + "  [2] CN=Shop Upper CA,O=certa tests\n",
                "Root, not included (clients have it): CN=Shop Root CA,O=certa tests (trusted by root.pem; it was among the "
                        + "certificates given, and servers need not send it)\n",
                "Left out:\n",
                "  - CN=Other Root CA,O=certa tests: a root that is not on the path",
                "  - CN=Shop Intermediate CA,O=certa tests: not on the path to the root");
    }

    @Test
    void aRootFoundOnlyInTheTrustStoreIsNamedAsSuch() {
        CliRunner.Result r = certa.run("bundle", "good.pem", "intermediate.pem", "--roots", "root.pem");
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(certificates(r.out())).containsExactly(pki.good.issued().certificate(), pki.intermediate());
        assertThat(r.err()).contains("Root, not included (clients have it): CN=Shop Root CA,O=certa tests (trusted by root.pem)\n")
                .doesNotContain("Left out:");
    }

    @Test
    void writesFullchainThatOpenSslVerifies() {
        CliRunner.Result r = certa.run("bundle", "deep.pem", "pile.pem", "--roots", "root.pem", "--out", "deep-bundle.pem");
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).startsWith("Wrote 3 certificates to deep-bundle.pem\n");
        assertThat(certificates(certa.read("deep-bundle.pem"))).hasSize(3);
        // the bundle minus its leaf as -untrusted, the leaf alone as the certificate: what a client gets
        TrustPki.write(dir, "deep-intermediates.pem", pki.lower.certificate(), pki.upper.certificate());
        Tools.Result openssl = Tools.run(dir, "/usr/bin/openssl", "verify", "-CAfile", "root.pem", "-untrusted",
                "deep-intermediates.pem", "-verify_hostname", HOST, "deep.pem");
        assertThat(openssl.output()).contains("deep.pem: OK");
        CliRunner.Result again = certa.run("bundle", "deep.pem", "pile.pem", "--roots", "root.pem", "--out", "deep-bundle.pem");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("deep-bundle.pem").contains("--force");
    }

    @Test
    void aMissingIntermediateLeavesTheChainIncomplete() {
        CliRunner.Result r = certa.run("bundle", "deep.pem", "upper.pem", "--roots", "root.pem");
        assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
        assertThat(certificates(r.out())).containsExactly(pki.deep.issued().certificate());
        assertThat(r.err()).contains("Incomplete: no issuer was found for CN=" + HOST + " (issuer CN=Shop Lower CA,O=certa tests)",
                "  - CN=Shop Upper CA,O=certa tests: not on the path to the root");
    }
}
