package dev.certa.cli;

import static dev.certa.cli.TrustPki.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.issue.CaUrls;
import dev.certa.core.testing.Tools;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code certa verify --crl} with CRLs made by {@code openssl ca -gencrl} (and judged by {@code openssl
 * verify -crl_check} too), and {@code certa verify --ocsp} against an {@code openssl ocsp} responder on
 * 127.0.0.1 answering from the same index.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerifyRevocationTest {
    @TempDir
    static Path dir;

    private RevocationPki pki;
    private CliRunner certa;
    private OcspResponder responder;

    @BeforeAll
    void setUp() throws Exception {
        pki = new RevocationPki(dir);
        certa = new CliRunner(dir);
        pki.leaf("revoked", pki.withOcsp(pki.ocspPort));
        pki.leaf("ocsp-good", pki.withOcsp(pki.ocspPort));
        pki.leaf("unreachable", pki.withOcsp(pki.deadPort));
        pki.valid("ocsp-good.pem");
        pki.valid("good.pem");
        pki.revoke("revoked.pem", "keyCompromise");
        pki.crl("crl.pem");
        pki.crl("short-crl.pem", "-crlhours", "1");
        responder = OcspResponder.start(dir, pki.ocspPort, "-index", "index.txt", "-CA", "intermediate.pem",
                "-rsigner", "ocsp.pem", "-rkey", "ocsp-key.pem", "-ndays", "1");
    }

    @AfterAll
    void stop() {
        if (responder != null) {
            responder.close();
        }
    }

    private CliRunner.Result verify(String... more) {
        List<String> args = new ArrayList<>(List.of("verify"));
        args.addAll(List.of(more));
        args.addAll(List.of("--roots", "root.pem", "--host", HOST));
        return certa.run(args.toArray(String[]::new));
    }

    private static Tools.Result opensslVerify(String leaf, String crl, String... more) {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/openssl", "verify", "-crl_check", "-CAfile", "root.pem",
                "-untrusted", "intermediate.pem", "-CRLfile", crl));
        cmd.addAll(List.of(more));
        cmd.add(leaf);
        return Tools.run(dir, cmd);
    }

    // --- CRLs -------------------------------------------------------------------------------------

    @Test
    void aLeafRevokedByOpenSslCaIsNotTrusted() {
        CliRunner.Result r = verify("revoked.pem", "intermediate.pem", "--crl", "crl.pem");
        Tools.Result openssl = opensslVerify("revoked.pem", "crl.pem");

        assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
        assertThat(r.out()).startsWith(HOST + ": NOT TRUSTED\n")
                .contains("revoked: its issuer 'CN=Shop Intermediate CA,O=certa tests' revoked this certificate (serial 0x")
                .contains("reason keyCompromise", "according to the CRL crl.pem", "Fix: replace the certificate")
                .contains("Revocation:\n  [0] CN=" + HOST);
        assertThat(openssl.ok()).as(openssl.output()).isFalse();
        assertThat(openssl.output()).contains("certificate revoked");
    }

    @Test
    void aLeafTheCrlDoesNotListIsTrustedAndOpenSslAgrees() {
        CliRunner.Result r = verify("good.pem", "intermediate.pem", "--crl", "crl.pem");
        Tools.Result openssl = opensslVerify("good.pem", "crl.pem");

        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).startsWith(HOST + ": TRUSTED\n").contains("): good - not listed in the CRL crl.pem");
        // the intermediate has no CRL from the root: a warning, not a failure
        assertThat(r.out()).contains("[1] CN=Shop Intermediate CA,O=certa tests: its revocation status could not be established");
        assertThat(openssl.ok()).as(openssl.output()).isTrue();
    }

    @Test
    void aStaleCrlIsAProblemForCertaAndOpenSsl() {
        Instant later = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        CliRunner.Result r = verify("good.pem", "intermediate.pem", "--crl", "short-crl.pem", "--at", later.toString());
        Tools.Result openssl = opensslVerify("good.pem", "short-crl.pem", "-attime", String.valueOf(later.getEpochSecond()));

        assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
        assertThat(r.out()).contains("NOT TRUSTED", "the CRL short-crl.pem is from its issuer but cannot be used: it is stale",
                "--crl-fetch");
        assertThat(openssl.ok()).as(openssl.output()).isFalse();
        assertThat(openssl.output()).contains("CRL has expired");
    }

    @Test
    void aCrlSignedByAnotherKeyFailsClosed() throws Exception {
        X509Certificate intermediate = pki.trust.intermediate();
        Instant now = Instant.now();
        X509v2CRLBuilder b = new X509v2CRLBuilder(X500Name.getInstance(intermediate.getSubjectX500Principal().getEncoded()),
                Date.from(now.minus(Duration.ofHours(1))));
        b.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
        b.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.ONE));
        b.addCRLEntry(BigInteger.TEN, Date.from(now.minus(Duration.ofHours(1))), CRLReason.keyCompromise);
        var crl = b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pki.trust.other.intermediateKey.getPrivate()));
        TrustPki.writeText(dir, "forged-crl.pem", dev.certa.core.pem.PemWriter.block("X509 CRL", crl.getEncoded()));

        CliRunner.Result r = verify("good.pem", "intermediate.pem", "--crl", "forged-crl.pem");
        Tools.Result openssl = opensslVerify("good.pem", "forged-crl.pem");

        assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
        assertThat(r.out()).contains("NOT TRUSTED", "its signature does not verify with the key of 'CN=Shop Intermediate CA,O=certa tests'");
        assertThat(openssl.ok()).as(openssl.output()).isFalse();
        assertThat(openssl.output()).contains("CRL signature failure");
    }

    @Test
    void aGarbageCrlFileIsAClearErrorWithoutAStackTrace() throws Exception {
        Files.writeString(dir.resolve("garbage.crl"), "this is not a CRL\n");
        CliRunner.Result r = verify("good.pem", "intermediate.pem", "--crl", "garbage.crl");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("certa: garbage.crl: ").contains("Fix: pass a CRL").doesNotContain("Exception", "\tat ");
    }

    @Test
    void aCertificateFileGivenAsCrlIsNamed() {
        CliRunner.Result r = verify("good.pem", "intermediate.pem", "--crl", "root.pem");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("root.pem: this holds a certificate, not a CRL");
    }

    @Test
    void aMissingCrlFileIsNamed() {
        CliRunner.Result r = verify("good.pem", "intermediate.pem", "--crl", "crl.pem", "--crl", "forged-other.pem");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("forged-other.pem");
    }

    // --- OCSP -------------------------------------------------------------------------------------

    @Test
    void ocspSaysGood() {
        CliRunner.Result r = verify("ocsp-good.pem", "intermediate.pem", "--ocsp");
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).startsWith(HOST + ": TRUSTED\n")
                .contains("): good - the OCSP responder http://127.0.0.1:" + pki.ocspPort + "/ says good (signed by the delegated responder");
    }

    @Test
    void ocspSaysRevoked() {
        CliRunner.Result r = verify("revoked.pem", "intermediate.pem", "--ocsp");
        assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
        assertThat(r.out()).startsWith(HOST + ": NOT TRUSTED\n").contains("reason keyCompromise",
                "according to the OCSP responder http://127.0.0.1:" + pki.ocspPort + "/", "REVOKED on ");
    }

    @Test
    void anUnreachableResponderIsAWarningUnlessRevocationIsRequired() {
        CliRunner.Result soft = verify("unreachable.pem", "intermediate.pem", "--ocsp");
        assertThat(soft.exitCode()).as(soft.all()).isZero();
        assertThat(soft.out()).startsWith(HOST + ": TRUSTED\n").contains("Warnings:", "could not be reached", "refused", "soft-fail");

        CliRunner.Result hard = verify("unreachable.pem", "intermediate.pem", "--ocsp", "--require-revocation");
        assertThat(hard.exitCode()).as(hard.all()).isEqualTo(1);
        assertThat(hard.out()).startsWith(HOST + ": NOT TRUSTED\n").contains("could not be reached", "--require-revocation");
    }

    @Test
    void probeUsesAStapledOcspResponse() throws Exception {
        pki.openssl("ocsp", "-index", "index.txt", "-rsigner", "ocsp.pem", "-rkey", "ocsp-key.pem", "-CA", "intermediate.pem",
                "-issuer", "intermediate.pem", "-cert", "revoked.pem", "-no_nonce", "-ndays", "1", "-respout", "staple.der");
        try (var server = dev.certa.core.testing.OpenSslServer.start(dir, "-cert", "revoked.pem", "-key", "revoked-key.pem",
                "-cert_chain", "intermediate.pem", "-status_file", "staple.der")) {
            CliRunner.Result r = certa.run("probe", "127.0.0.1:" + server.port(), "--servername", HOST, "--roots", "root.pem");
            assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
            assertThat(r.out()).startsWith(HOST + ": NOT TRUSTED\n")
                    .contains("according to the stapled OCSP response", "reason keyCompromise", "stapled OCSP response (");
        }
    }

    @Test
    void crlFetchFetchesTheCrlFromTheDistributionPoint() throws Exception {
        try (var web = new dev.certa.core.testing.HttpFiles()) {
            web.serve("/ca.crl", "application/pkix-crl", Files.readAllBytes(dir.resolve("crl.pem")));
            String url = web.url("/ca.crl").toString();
            String missing = web.url("/gone.crl").toString();
            pki.leaf("cdp", new CaUrls(List.of(), java.util.Optional.empty(), List.of(url)));
            pki.leaf("cdp-gone", new CaUrls(List.of(), java.util.Optional.empty(), List.of(missing)));

            CliRunner.Result r = verify("cdp.pem", "intermediate.pem", "--crl-fetch");
            assertThat(r.exitCode()).as(r.all()).isZero();
            assertThat(r.out()).startsWith(HOST + ": TRUSTED\n").contains("): good - not listed in the CRL " + url);

            CliRunner.Result gone = verify("cdp-gone.pem", "intermediate.pem", "--crl-fetch", "--require-revocation");
            assertThat(gone.exitCode()).as(gone.all()).isEqualTo(1);
            assertThat(gone.out()).contains("NOT TRUSTED", "could not be fetched", "HTTP 404");
        }
    }

    // --- AIA ----------------------------------------------------------------------------------------

    @Test
    void fetchMissingFetchesTheIntermediateNamedByAia() throws Exception {
        try (var web = new dev.certa.core.testing.HttpFiles()) {
            web.serve("/int.der", "application/pkix-cert", pki.trust.intermediate().getEncoded());
            String url = web.url("/int.der").toString();
            pki.leaf("aia", new CaUrls(List.of(url), java.util.Optional.empty(), List.of()));

            CliRunner.Result without = verify("aia.pem");
            assertThat(without.exitCode()).as(without.all()).isEqualTo(1);
            assertThat(without.out()).contains("NOT TRUSTED", "AIA caIssuers " + url, "--fetch-missing");

            CliRunner.Result with = verify("aia.pem", "--fetch-missing");
            assertThat(with.exitCode()).as(with.all()).isZero();
            assertThat(with.out()).startsWith(HOST + ": TRUSTED\n").contains("Warnings:",
                    "this intermediate was not sent: certa fetched it from " + url, "serve the full chain");
        }
    }

    @Test
    void requireRevocationNeedsASource() {
        CliRunner.Result r = verify("good.pem", "intermediate.pem", "--require-revocation");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--require-revocation needs a source");
    }

    @Test
    void jsonListsTheRevocationStatus() {
        CliRunner.Result r = verify("revoked.pem", "intermediate.pem", "--crl", "crl.pem", "--json");
        assertThat(r.out()).contains("\"revocation\" : [", "\"status\" : \"revoked\"", "\"reason\" : \"keyCompromise\"");
    }
}
