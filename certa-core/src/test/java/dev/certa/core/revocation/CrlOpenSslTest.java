package dev.certa.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.testing.Tools;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** certa's CRLs as the openssl 3 command line reads them: signature, entries, and path validation with -crl_check. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrlOpenSslTest {
    private RevocationPki pki;
    private X509Certificate revokedLeaf;
    private X509Certificate supersededLeaf;
    private X509Certificate goodLeaf;

    @BeforeAll
    void issue() {
        pki = new RevocationPki("CRL interop");
        revokedLeaf = pki.leaf("revoked.example.com");
        supersededLeaf = pki.leaf("superseded.example.com");
        goodLeaf = pki.leaf("good.example.com");
    }

    private CrlBuilder crlOfTwo() {
        Instant now = Instant.now();
        return new CrlBuilder(pki.ca)
                .number(42)
                .thisUpdate(now)
                .validFor(Duration.ofDays(7))
                .revoke(new RevokedCertificate(revokedLeaf.getSerialNumber(), now.minusSeconds(60),
                        RevocationReason.KEY_COMPROMISE))
                .revoke(new RevokedCertificate(supersededLeaf.getSerialNumber(), now.minusSeconds(30),
                        RevocationReason.SUPERSEDED))
                .revoke(new RevokedCertificate(BigInteger.valueOf(0x1234567), now.minusSeconds(10),
                        RevocationReason.UNSPECIFIED));
    }

    @Test
    void opensslVerifiesTheCrlSignatureAgainstTheIssuingCa(@TempDir Path dir) throws Exception {
        pki.writeCaFiles(dir);
        Files.writeString(dir.resolve("crl.pem"), crlOfTwo().sign().pem());

        String out = openssl(dir, "crl", "-in", "crl.pem", "-CAfile", "chain.pem", "-verify", "-noout");

        assertThat(out).contains("verify OK");
    }

    @Test
    void opensslListsTheEntriesWithReasonsAndTheCrlNumber(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("crl.der"), crlOfTwo().sign().der());

        String text = openssl(dir, "crl", "-inform", "DER", "-in", "crl.der", "-text", "-noout");

        assertThat(text).contains("Version 2 (0x1)")
                .containsPattern("X509v3 CRL Number: *\\R *42")
                .contains("X509v3 Authority Key Identifier")
                .contains("Serial Number: " + hex(revokedLeaf.getSerialNumber()))
                .contains("Serial Number: " + hex(supersededLeaf.getSerialNumber()))
                .contains("Serial Number: 01234567")
                .contains("Key Compromise")
                .contains("Superseded")
                .contains("Issuer: O = certa tests, CN = CRL interop Intermediate CA");
        // RFC 5280: an unspecified reason is left out, not written as "Unspecified"
        assertThat(text.split("CRL Reason Code", -1)).hasSize(3);
        assertThat(text).doesNotContain("Unspecified");
    }

    @Test
    void opensslVerifyWithCrlCheckRejectsTheRevokedLeafAndPassesAnother(@TempDir Path dir) throws Exception {
        pki.writeCaFiles(dir);
        RevocationPki.write(dir.resolve("revoked.pem"), revokedLeaf);
        RevocationPki.write(dir.resolve("good.pem"), goodLeaf);
        Files.writeString(dir.resolve("crl.pem"), crlOfTwo().sign().pem());

        Tools.Result revoked = Tools.run(dir, "openssl", "verify", "-crl_check", "-CAfile", "chain.pem",
                "-CRLfile", "crl.pem", "revoked.pem");
        Tools.Result good = Tools.run(dir, "openssl", "verify", "-crl_check", "-CAfile", "chain.pem",
                "-CRLfile", "crl.pem", "good.pem");

        assertThat(revoked.ok()).as(revoked.output()).isFalse();
        assertThat(revoked.output()).contains("certificate revoked");
        assertThat(good.ok()).as(good.output()).isTrue();
        assertThat(good.output()).contains("good.pem: OK");
    }

    @Test
    void anIssuingDistributionPointMatchingTheLeavesCdpIsAccepted(@TempDir Path dir) throws Exception {
        pki.writeCaFiles(dir);
        RevocationPki.write(dir.resolve("revoked.pem"), revokedLeaf);
        RevocationPki.write(dir.resolve("good.pem"), goodLeaf);
        Files.writeString(dir.resolve("crl.pem"), crlOfTwo().issuingDistributionPoint(RevocationPki.CRL_URL).sign().pem());

        String text = openssl(dir, "crl", "-in", "crl.pem", "-text", "-noout");
        Tools.Result revoked = Tools.run(dir, "openssl", "verify", "-crl_check", "-CAfile", "chain.pem",
                "-CRLfile", "crl.pem", "revoked.pem");
        Tools.Result good = Tools.run(dir, "openssl", "verify", "-crl_check", "-CAfile", "chain.pem",
                "-CRLfile", "crl.pem", "good.pem");

        assertThat(text).contains("X509v3 Issuing Distribution Point: critical").contains("URI:" + RevocationPki.CRL_URL);
        assertThat(revoked.output()).contains("certificate revoked");
        assertThat(good.ok()).as(good.output()).isTrue();
    }

    @Test
    void anIssuingDistributionPointNamingAnotherPlaceDoesNotCoverTheLeaf(@TempDir Path dir) throws Exception {
        pki.writeCaFiles(dir);
        RevocationPki.write(dir.resolve("good.pem"), goodLeaf);
        Files.writeString(dir.resolve("crl.pem"),
                crlOfTwo().issuingDistributionPoint("http://elsewhere.example/other.crl").sign().pem());

        Tools.Result good = Tools.run(dir, "openssl", "verify", "-crl_check", "-CAfile", "chain.pem",
                "-CRLfile", "crl.pem", "good.pem");

        assertThat(good.ok()).as(good.output()).isFalse();
        assertThat(good.output()).contains("different CRL scope");
    }

    @Test
    void anEmptyCrlVerifiesAndPassesEveryLeaf(@TempDir Path dir) throws Exception {
        pki.writeCaFiles(dir);
        RevocationPki.write(dir.resolve("good.pem"), goodLeaf);
        Files.writeString(dir.resolve("crl.pem"), new CrlBuilder(pki.ca).number(1).thisUpdate(Instant.now())
                .validFor(Duration.ofDays(1)).sign().pem());

        assertThat(openssl(dir, "crl", "-in", "crl.pem", "-CAfile", "chain.pem", "-verify", "-text", "-noout"))
                .contains("verify OK").contains("No Revoked Certificates");
        assertThat(openssl(dir, "verify", "-crl_check", "-CAfile", "chain.pem", "-CRLfile", "crl.pem", "good.pem"))
                .contains("good.pem: OK");
    }

    /** openssl's serial form: upper-case hex, two digits per octet. */
    private static String hex(BigInteger serial) {
        String h = serial.toString(16).toUpperCase(java.util.Locale.ROOT);
        return h.length() % 2 == 1 ? "0" + h : h;
    }

    private static String openssl(Path dir, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "openssl";
        System.arraycopy(args, 0, command, 1, args.length);
        Tools.Result r = Tools.run(dir, command);
        assertThat(r.exitCode()).as("openssl %s%n%s", String.join(" ", args), r.output()).isZero();
        return r.output();
    }
}
