package dev.certa.core.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.key.KeyType;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.name.SubjectAltName;
import dev.certa.core.pem.PemWriter;
import dev.certa.core.profile.Profile;
import dev.certa.core.testing.TestPki;
import dev.certa.core.testing.Tools;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IssuanceTest {

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void opensslVerifiesRootIntermediateLeafForEveryKeyType(KeyType type, @TempDir Path dir) throws Exception {
        TestPki pki = new TestPki(type, "Verify " + type.id());
        TestPki.Leaf leaf = pki.leaf(new Profile.TlsServer(), "api.example.com", "10.0.0.5");
        Files.writeString(dir.resolve("root.pem"), PemWriter.certificate(pki.root.certificate()));
        Files.writeString(dir.resolve("int.pem"), PemWriter.certificate(pki.intermediate.certificate()));
        Files.writeString(dir.resolve("leaf.pem"), PemWriter.certificate(leaf.issued().certificate()));
        var r = Tools.run(dir, "openssl", "verify", "-x509_strict", "-purpose", "sslserver", "-CAfile", "root.pem",
                "-untrusted", "int.pem", "leaf.pem");
        assertThat(r.output()).contains("leaf.pem: OK");
        assertThat(r.exitCode()).isZero();
        var hostOk = Tools.run(dir, "openssl", "verify", "-CAfile", "root.pem", "-untrusted", "int.pem",
                "-verify_hostname", "api.example.com", "leaf.pem");
        assertThat(hostOk.exitCode()).as(hostOk.output()).isZero();
        var hostBad = Tools.run(dir, "openssl", "verify", "-CAfile", "root.pem", "-untrusted", "int.pem",
                "-verify_hostname", "other.example.com", "leaf.pem");
        assertThat(hostBad.exitCode()).isNotZero();
        assertThat(hostBad.output()).contains("hostname mismatch");
    }

    @Test
    void leafCarriesWhatAModernClientExpects() throws Exception {
        TestPki pki = new TestPki(KeyType.EC_P256, "Profile");
        X509Certificate c = pki.leaf(new Profile.TlsServer(), "www.example.com").issued().certificate();
        BigInteger serial = c.getSerialNumber();
        assertThat(serial.signum()).isPositive();
        assertThat(serial.bitLength()).isBetween(64, 128);
        assertThat(c.getBasicConstraints()).isEqualTo(-1);
        assertThat(c.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(c.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(c.getKeyUsage()[2]).as("no keyEncipherment for EC").isFalse();
        assertThat(c.getSubjectAlternativeNames().stream().map(l -> (Object) l.get(1)).toList()).containsExactly("www.example.com");
        assertThat(c.getSubjectX500Principal().getName()).isEqualTo("CN=www.example.com");
        assertThat(c.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(c.getExtensionValue("2.5.29.14")).as("SKI").isNotNull();
        assertThat(c.getExtensionValue("2.5.29.35")).as("AKI").isNotNull();
        assertThat(c.getNotBefore().toInstant()).isBefore(java.time.Instant.now().minusSeconds(60));
        c.verify(pki.intermediate.certificate().getPublicKey());
    }

    @Test
    void commonNameIsAlsoASan() {
        TestPki pki = new TestPki(KeyType.EC_P256, "CN");
        var key = KeyType.EC_P256.generate(TestPki.RANDOM);
        var issued = pki.issuer.issue(IssuanceRequest.forKey(key.getPublic(),
                DistinguishedNames.parse("CN=db.internal,O=Example"), List.of(SubjectAltName.dns("db2.internal")),
                new Profile.TlsServer()), pki.intermediateCa);
        assertThat(issued.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=db.internal,O=Example");
        assertThat(issued.fullChain()).containsExactly(issued.certificate(), pki.intermediate.certificate());
    }

    @Test
    void validityBeyondTheIssuerIsRefusedWithTheDaysThatRemain() {
        TestPki pki = new TestPki(KeyType.EC_P256, "Validity");
        var key = KeyType.EC_P256.generate(TestPki.RANDOM);
        var request = IssuanceRequest.forKey(key.getPublic(), DistinguishedNames.parse(""),
                List.of(SubjectAltName.dns("a.example.com")), new Profile.TlsServer()).withValidity(Duration.ofDays(5000));
        CertaException e = org.junit.jupiter.api.Assertions.assertThrows(CertaException.class,
                () -> pki.issuer.issue(request, pki.intermediateCa));
        assertThat(e.kind()).isEqualTo(ErrorKind.LINT);
        assertThat(e.reason()).contains("after the issuing CA expires");
        var m = java.util.regex.Pattern.compile("--validity (\\d+)d").matcher(e.fix().orElseThrow());
        assertThat(m.find()).as(e.fix().orElseThrow()).isTrue();
        long suggested = Long.parseLong(m.group(1));
        assertThat(suggested).isBetween(998L, 1000L);
        var ok = pki.issuer.issue(request.withValidity(Duration.ofDays(suggested)), pki.intermediateCa);
        assertThat(ok.certificate().getNotAfter()).isBeforeOrEqualTo(pki.intermediate.certificate().getNotAfter());
    }

    @Test
    void aPreparedCertificateIsIssuedOnce() {
        TestPki pki = new TestPki(KeyType.EC_P256, "Once");
        var key = KeyType.EC_P256.generate(TestPki.RANDOM);
        var prepared = pki.issuer.prepare(IssuanceRequest.forKey(key.getPublic(), DistinguishedNames.parse(""),
                List.of(SubjectAltName.dns("x.example.com")), new Profile.TlsClient()), pki.intermediateCa);
        pki.issuer.issue(prepared);
        assertThatThrownBy(() -> pki.issuer.issue(prepared)).isInstanceOf(CertaException.class)
                .hasMessageContaining("already issued");
    }
}
