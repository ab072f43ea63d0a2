package dev.certa.core.inspect;

import static dev.certa.core.inspect.InspectCertificateTest.CLOCK;
import static dev.certa.core.inspect.InspectCertificateTest.NOW;
import static dev.certa.core.inspect.InspectCertificateTest.PKI;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.csr.Csr;
import dev.certa.core.csr.CsrBuilder;
import dev.certa.core.key.KeyType;
import dev.certa.core.key.SoftwareSigner;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.name.SubjectAltName;
import dev.certa.core.pem.PasswordSource;
import dev.certa.core.pem.PemWriter;
import dev.certa.core.profile.Profile;
import dev.certa.core.testing.TestPki;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.junit.jupiter.api.Test;

class InspectBundleCsrCrlTest {

    static Inspection inspect(String pem, String source) {
        return Inspector.inspect(pem.getBytes(StandardCharsets.US_ASCII), source, PasswordSource.none(), CLOCK);
    }

    @Test
    void bundleGivesOneItemPerCertificateInFileOrder() {
        TestPki.Leaf leaf = PKI.leaf(new Profile.TlsServer(), "shop.example.com");
        List<X509Certificate> chain = List.of(leaf.issued().certificate(), PKI.intermediate.certificate(),
                PKI.root.certificate());
        Inspection i = inspect(PemWriter.certificates(chain), "fullchain.pem");

        assertThat(i.source()).isEqualTo("fullchain.pem");
        assertThat(i.certificates()).extracting(CertificateView::subject).containsExactly(
                "CN=shop.example.com", "CN=Inspect Intermediate CA,O=certa tests", "CN=Inspect Root CA,O=certa tests");
        assertThat(i.certificates()).extracting(CertificateView::ca).containsExactly(false, true, true);
        // each certificate names the next one's key as its issuer's
        assertThat(i.certificates().get(0).authorityKeyId()).isEqualTo(i.certificates().get(1).subjectKeyId());
        assertThat(i.certificates().get(1).authorityKeyId()).isEqualTo(i.certificates().get(2).subjectKeyId());

        String text = TextRenderer.render(i);
        assertThat(text).contains("fullchain.pem: certificate 1 of 3\n  Subject:       CN=shop.example.com\n")
                .contains("\n\nfullchain.pem: certificate 2 of 3\n  Subject:       CN=Inspect Intermediate CA")
                .contains("\n\nfullchain.pem: certificate 3 of 3\n  Subject:       CN=Inspect Root CA");
        assertThat(text.indexOf("certificate 1 of 3")).isLessThan(text.indexOf("certificate 2 of 3"));
        assertThat(text.indexOf("certificate 2 of 3")).isLessThan(text.indexOf("certificate 3 of 3"));
    }

    @Test
    void csrShowsRequestedNamesAndAValidSignature() {
        KeyPair key = KeyType.EC_P256.generate(TestPki.RANDOM);
        Csr csr = new CsrBuilder(DistinguishedNames.parse("CN=api.example.com,O=Example"))
                .addSubjectAltName(SubjectAltName.dns("api.example.com"))
                .addSubjectAltName(SubjectAltName.ip("10.0.0.5"))
                .sign(SoftwareSigner.of(key));
        Inspection i = inspect(PemWriter.csr(csr), "api.csr");

        CsrView v = (CsrView) i.items().get(0);
        assertThat(v.subject()).isEqualTo("CN=api.example.com,O=Example");
        assertThat(v.subjectAltNames()).containsExactly("DNS:api.example.com", "IP:10.0.0.5");
        assertThat(v.signatureValid()).isTrue();
        assertThat(v.signatureAlgorithm()).isEqualTo("SHA256withECDSA");
        assertThat(v.key().display()).isEqualTo("EC P-256");
        assertThat(v.requestsCa()).isEmpty();
        assertThat(v.publicKeySha256()).isEqualTo(Hex.sha256(key.getPublic().getEncoded()));

        assertThat(TextRenderer.render(i)).startsWith("api.csr: certificate signing request\n")
                .contains("  Names:         DNS:api.example.com, IP:10.0.0.5\n")
                .contains("  Signed:        valid: the requester holds the private key\n");
    }

    @Test
    void alteredCsrShowsAnInvalidSignature() {
        KeyPair key = KeyType.EC_P256.generate(TestPki.RANDOM);
        byte[] der = new CsrBuilder(DistinguishedNames.parse("CN=api.example.com"))
                .addSubjectAltName(SubjectAltName.dns("api.example.com")).sign(SoftwareSigner.of(key)).der();
        byte[] altered = replace(der, "api.example.com", "evil.example.co");
        Inspection i = Inspector.inspect(altered, "altered.csr", PasswordSource.none(), CLOCK);

        CsrView v = (CsrView) i.items().get(0);
        assertThat(v.subject()).isEqualTo("CN=evil.example.co");
        assertThat(v.signatureValid()).isFalse();
        assertThat(TextRenderer.render(i)).contains("INVALID: the CSR was altered or signed with another key");
    }

    @Test
    void crlShowsIssuerDatesAndRevokedCount() throws Exception {
        X509Certificate root = PKI.root.certificate();
        X509v2CRLBuilder b = new X509v2CRLBuilder(X500Name.getInstance(root.getSubjectX500Principal().getEncoded()),
                Date.from(NOW.minus(Duration.ofDays(8))));
        b.setNextUpdate(Date.from(NOW.minus(Duration.ofDays(1))));
        b.addCRLEntry(BigInteger.valueOf(0x1001), Date.from(NOW.minus(Duration.ofDays(9))), CRLReason.keyCompromise);
        b.addCRLEntry(BigInteger.valueOf(0x1002), Date.from(NOW.minus(Duration.ofDays(9))), CRLReason.superseded);
        b.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(42)));
        byte[] der = b.build(SoftwareSigner.of(PKI.rootKey).contentSigner()).getEncoded();

        Inspection i = Inspector.inspect(PemWriter.block("X509 CRL", der).getBytes(StandardCharsets.US_ASCII),
                "root.crl", PasswordSource.none(), CLOCK);
        CrlView v = (CrlView) i.items().get(0);
        assertThat(v.issuer()).isEqualTo("CN=Inspect Root CA,O=certa tests");
        assertThat(v.revokedCount()).isEqualTo(2);
        assertThat(v.crlNumber()).hasValue("42");
        assertThat(v.stale()).isTrue();
        assertThat(v.signatureAlgorithm()).isEqualTo("SHA256withECDSA");
        assertThat(TextRenderer.render(i)).startsWith("root.crl: certificate revocation list\n")
                .contains("  Revoked:       2 certificates\n")
                .contains("  Next update:   2026-11-21 10:00 UTC (STALE: a newer CRL should exist)\n")
                .contains("  CRL number:    42\n");

        CrlView fresh = (CrlView) Inspector.inspect(der, "root.crl", PasswordSource.none(),
                Clock.fixed(NOW.minus(Duration.ofDays(2)), ZoneOffset.UTC)).items().get(0);
        assertThat(fresh.stale()).isFalse();
    }

    static byte[] replace(byte[] der, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.US_ASCII);
        byte[] out = der.clone();
        for (int i = 0; i + f.length <= out.length; i++) {
            if (java.util.Arrays.equals(out, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(to.getBytes(StandardCharsets.US_ASCII), 0, out, i, f.length);
                return out;
            }
        }
        throw new AssertionError("not found: " + from);
    }
}
