package dev.certa.core.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.issue.CaUrls;
import dev.certa.core.issue.CertificateAuthority;
import dev.certa.core.issue.IssuanceRequest;
import dev.certa.core.issue.IssuedCertificate;
import dev.certa.core.key.KeyType;
import dev.certa.core.key.SoftwareSigner;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.pem.PasswordSource;
import dev.certa.core.pem.PemWriter;
import dev.certa.core.profile.NameConstraintRules;
import dev.certa.core.profile.Profile;
import dev.certa.core.testing.TestPki;
import dev.certa.core.testing.Tools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCertificateTest {
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final TestPki PKI = new TestPki(KeyType.EC_P256, "Inspect", CLOCK);

    static CertificateView only(X509Certificate cert, Clock clock) {
        Inspection i = Inspector.inspect(PemWriter.certificate(cert).getBytes(StandardCharsets.US_ASCII), "cert.pem",
                PasswordSource.none(), clock);
        assertThat(i.items()).hasSize(1);
        return (CertificateView) i.items().get(0);
    }

    @Test
    void leafShowsNamesValidityAndPurpose() {
        TestPki.Leaf leaf = PKI.leaf(new Profile.TlsServer(), "api.example.com", "10.0.0.5");
        CertificateView v = only(leaf.issued().certificate(), CLOCK);

        assertThat(v.subject()).isEqualTo("CN=api.example.com");
        assertThat(v.issuer()).isEqualTo("CN=Inspect Intermediate CA,O=certa tests");
        assertThat(v.subjectAltNames()).containsExactly("DNS:api.example.com", "IP:10.0.0.5");
        assertThat(v.notAfter()).isEqualTo(NOW.plus(Duration.ofDays(90)));
        assertThat(v.notBefore()).isEqualTo(NOW.minus(Duration.ofMinutes(5)));
        assertThat(v.daysLeft()).isEqualTo(90);
        assertThat(v.status()).isEqualTo(ValidityStatus.VALID);
        assertThat(v.extendedKeyUsage()).containsExactly("serverAuth");
        assertThat(v.keyUsage()).containsExactly("digitalSignature");
        assertThat(v.ca()).isFalse();
        assertThat(v.pathLen()).isEmpty();
        assertThat(v.selfSigned()).isFalse();
        assertThat(v.key().display()).isEqualTo("EC P-256");
        assertThat(v.key().bits()).isEqualTo(256);
        assertThat(v.signatureAlgorithm()).isEqualTo("SHA256withECDSA");
        assertThat(v.authorityKeyId()).isEqualTo(only(PKI.intermediate.certificate(), CLOCK).subjectKeyId());
        assertThat(v.subjectKeyId()).isPresent();
        assertThat(v.nameConstraints()).isEmpty();

        String text = TextRenderer.render(Inspector.inspect(
                PemWriter.certificate(leaf.issued().certificate()).getBytes(StandardCharsets.US_ASCII), "server.pem",
                PasswordSource.none(), CLOCK));
        assertThat(text).startsWith("server.pem: certificate\n")
                .contains("  Subject:       CN=api.example.com\n")
                .contains("  Issuer:        CN=Inspect Intermediate CA,O=certa tests\n")
                .contains("  Valid:         2026-11-22 09:55 UTC to 2027-02-20 10:00 UTC (90 days left)\n")
                .contains("  Names:         DNS:api.example.com, IP:10.0.0.5\n")
                .contains("  Key:           EC P-256    Signature: SHA256withECDSA\n")
                .contains("  Type:          leaf (not a CA)   Key usage: digitalSignature   EKU: serverAuth\n")
                .contains("  Serial:        " + v.serial() + "\n")
                .contains("  SHA-256:       " + v.sha256Fingerprint() + "\n");
    }

    @Test
    void fingerprintAndSerialAreWhatOpensslPrints(@TempDir Path dir) throws Exception {
        for (KeyType type : List.of(KeyType.EC_P256, KeyType.RSA_2048, KeyType.ED25519)) {
            TestPki pki = type == KeyType.EC_P256 ? PKI : new TestPki(type, "Openssl " + type.id(), CLOCK);
            X509Certificate cert = pki.leaf(new Profile.TlsServer(), "www.example.com").issued().certificate();
            Files.writeString(dir.resolve("leaf.pem"), PemWriter.certificate(cert));
            CertificateView v = only(cert, CLOCK);

            var fp = Tools.run(dir, "openssl", "x509", "-in", "leaf.pem", "-noout", "-fingerprint", "-sha256");
            assertThat(fp.exitCode()).as(fp.output()).isZero();
            assertThat(v.sha256Fingerprint()).isEqualTo(fp.output().trim().substring(fp.output().indexOf('=') + 1));

            var serial = Tools.run(dir, "openssl", "x509", "-in", "leaf.pem", "-noout", "-serial");
            assertThat(v.serial().replace(":", "")).isEqualTo(serial.output().trim().substring("serial=".length()));

            var pub = Tools.run(dir, "sh", "-c", "openssl x509 -in leaf.pem -noout -pubkey | openssl pkey -pubin -outform DER"
                    + " | openssl dgst -sha256 -r");
            assertThat(v.publicKeySha256().replace(":", "").toLowerCase()).isEqualTo(pub.output().split(" ")[0]);
            assertThat(v.signatureAlgorithm()).isEqualTo(cert.getSigAlgName());
            assertThat(v.key().display()).isEqualTo(switch (type) {
                case RSA_2048 -> "RSA 2048";
                case ED25519 -> "Ed25519";
                default -> "EC P-256";
            });
        }
    }

    @Test
    void rootAndIntermediateShowCaAndPathLength() {
        CertificateView root = only(PKI.root.certificate(), CLOCK);
        assertThat(root.ca()).isTrue();
        assertThat(root.pathLen()).isEmpty();
        assertThat(root.selfSigned()).isTrue();
        assertThat(root.keyUsage()).containsExactly("digitalSignature", "keyCertSign", "cRLSign");
        assertThat(root.subject()).isEqualTo(root.issuer()).isEqualTo("CN=Inspect Root CA,O=certa tests");
        assertThat(TextRenderer.type(root)).isEqualTo("CA, no path length limit, self-signed (a root)");

        CertificateView intermediate = only(PKI.intermediate.certificate(), CLOCK);
        assertThat(intermediate.ca()).isTrue();
        assertThat(intermediate.pathLen()).isEqualTo(OptionalInt.of(0));
        assertThat(intermediate.selfSigned()).isFalse();
        assertThat(intermediate.authorityKeyId()).isEqualTo(root.subjectKeyId());
        assertThat(intermediate.daysLeft()).isEqualTo(1000);
        String text = TextRenderer.render(new Inspection("int.pem", List.of(intermediate)));
        assertThat(text).contains("  Type:          CA, path length 0   Key usage: digitalSignature, keyCertSign, cRLSign\n");
    }

    @Test
    void expiredAndNotYetValidAreSaidPlainly() {
        X509Certificate cert = PKI.leaf(new Profile.TlsServer(), "old.example.com").issued().certificate();
        Instant expiry = cert.getNotAfter().toInstant();

        CertificateView expired = only(cert, Clock.fixed(expiry.plus(Duration.ofDays(3)).plusSeconds(3600), ZoneOffset.UTC));
        assertThat(expired.status()).isEqualTo(ValidityStatus.EXPIRED);
        assertThat(expired.daysLeft()).isEqualTo(-3);
        assertThat(TextRenderer.render(new Inspection("old.pem", List.of(expired)))).contains("(EXPIRED 3 days ago)");

        CertificateView justExpired = only(cert, Clock.fixed(expiry.plusSeconds(60), ZoneOffset.UTC));
        assertThat(justExpired.status()).isEqualTo(ValidityStatus.EXPIRED);
        assertThat(TextRenderer.validity(justExpired)).isEqualTo("EXPIRED less than a day ago");

        CertificateView lastSecond = only(cert, Clock.fixed(expiry, ZoneOffset.UTC));
        assertThat(lastSecond.status()).as("notAfter is inclusive").isEqualTo(ValidityStatus.VALID);
        assertThat(TextRenderer.validity(lastSecond)).isEqualTo("expires in less than a day");

        CertificateView early = only(cert, Clock.fixed(NOW.minus(Duration.ofDays(1)), ZoneOffset.UTC));
        assertThat(early.status()).isEqualTo(ValidityStatus.NOT_YET_VALID);
        assertThat(TextRenderer.validity(early)).isEqualTo("NOT YET VALID");
    }

    @Test
    void urlsAndNameConstraintsAreShown() {
        KeyPair key = KeyType.EC_P256.generate(TestPki.RANDOM);
        var profile = new Profile.IntermediateCa(OptionalInt.of(0),
                new NameConstraintRules(List.of("example.com", "10.0.0.0/8", "@example.com"), List.of("bad.example.com")));
        CertificateAuthority rootWithUrls = new CertificateAuthority(PKI.root.certificate(), List.of(),
                SoftwareSigner.of(PKI.rootKey), new CaUrls(List.of("http://ca.example.com/root.crt"),
                        Optional.of("http://ocsp.example.com"), List.of("http://ca.example.com/root.crl")));
        IssuedCertificate constrained = PKI.issuer.issue(IssuanceRequest.forKey(key.getPublic(),
                DistinguishedNames.parse("CN=Team CA,O=certa tests"), List.of(), profile), rootWithUrls);

        CertificateView v = only(constrained.certificate(), CLOCK);
        assertThat(v.ocspUrls()).containsExactly("http://ocsp.example.com");
        assertThat(v.caIssuersUrls()).containsExactly("http://ca.example.com/root.crt");
        assertThat(v.crlUrls()).containsExactly("http://ca.example.com/root.crl");
        assertThat(v.nameConstraints()).hasValueSatisfying(nc -> {
            assertThat(nc.permitted()).containsExactly("DNS:example.com", "IP:10.0.0.0/8", "email:example.com");
            assertThat(nc.excluded()).containsExactly("DNS:bad.example.com");
        });
        assertThat(TextRenderer.render(new Inspection("team.pem", List.of(v))))
                .contains("  Permitted:     DNS:example.com, IP:10.0.0.0/8, email:example.com\n")
                .contains("  Excluded:      DNS:bad.example.com\n")
                .contains("  OCSP:          http://ocsp.example.com\n")
                .contains("  CA issuers:    http://ca.example.com/root.crt\n")
                .contains("  CRL:           http://ca.example.com/root.crl\n");
    }

    @Test
    void derCertificateIsReadToo() throws Exception {
        X509Certificate cert = PKI.root.certificate();
        Inspection i = Inspector.inspect(cert.getEncoded(), "root.der", PasswordSource.none(), CLOCK);
        assertThat(i.items()).singleElement().isInstanceOf(CertificateView.class);
        assertThat(((CertificateView) i.items().get(0)).sha256Fingerprint()).isEqualTo(only(cert, CLOCK).sha256Fingerprint());
    }
}
