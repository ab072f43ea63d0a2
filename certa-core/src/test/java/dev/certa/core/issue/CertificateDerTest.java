package dev.certa.core.issue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.key.KeyType;
import dev.certa.core.profile.Profile;
import dev.certa.core.testing.TestPki;
import java.security.cert.X509Certificate;
import java.util.Random;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.name.SubjectAltName;
import java.util.List;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.asn1.x509.X509ObjectIdentifiers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CertificateDerTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 10, 100, 124, 125, 126, 200, 253, 254, 300, 1000, 65_000, 70_000})
    void assemblesWhatBouncyCastleEncodes(int size) throws Exception {
        Random random = new Random(size);
        byte[] payload = new byte[size];
        random.nextBytes(payload);
        byte[] tbs = new DEROctetString(payload).getEncoded(ASN1Encoding.DER); // any DER element will do
        byte[] algorithm = new DERSequence(X509ObjectIdentifiers.id_SHA1).getEncoded(ASN1Encoding.DER);
        byte[] signature = new byte[size % 600];
        random.nextBytes(signature);
        byte[] expected = new DERSequence(new ASN1Encodable[] {
                new DEROctetString(payload), new DERSequence(X509ObjectIdentifiers.id_SHA1), new DERBitString(signature)})
                .getEncoded(ASN1Encoding.DER);
        assertThat(CertificateDer.assemble(tbs, algorithm, signature)).isEqualTo(expected);
    }

    /** The serial and validity a fresh certificate reports without being parsed are those encoded in it. */
    @ParameterizedTest
    @EnumSource(KeyType.class)
    void aFreshCertificateKnowsItsSerialAndValidityWithoutParsing(KeyType type) throws Exception {
        TestPki pki = new TestPki(type, "facts " + type.id());
        IssuedCertificate issued = pki.leaf(new Profile.TlsServer(), "api.example.com").issued();
        X509Certificate parsed = (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(issued.der()));
        assertThat(issued.encoded().serial()).isEqualTo(parsed.getSerialNumber());
        assertThat(issued.encoded().notBefore()).isEqualTo(parsed.getNotBefore().toInstant());
        assertThat(issued.encoded().notAfter()).isEqualTo(parsed.getNotAfter().toInstant());
    }

    /** Every kind of certificate certa makes, re-built from its own fields by Bouncy Castle's generator. */
    @ParameterizedTest
    @EnumSource(KeyType.class)
    void theTbsIsWhatBouncyCastlesGeneratorMakesFromTheSameFields(KeyType type) throws Exception {
        TestPki pki = new TestPki(type, "TBS " + type.id());
        var constrained = new Profile.IntermediateCa(java.util.OptionalInt.of(0),
                new dev.certa.core.profile.NameConstraintRules(List.of("example.com", "10.0.0.0/8"), List.of("bad.example.com")));
        var ca = pki.intermediateCa.withUrls(new CaUrls(List.of("http://ca.example.com/int.crt"),
                java.util.Optional.of("http://ocsp.example.com"), List.of("http://crl.example.com/int.crl")));
        var key = type.generate(TestPki.RANDOM);
        List<X509Certificate> certs = List.of(
                pki.root.certificate(),
                pki.intermediate.certificate(),
                pki.leaf(new Profile.TlsServer(), "api.example.com", "10.0.0.5").issued().certificate(),
                pki.leaf(new Profile.TlsClient(), "alice@example.com").issued().certificate(),
                pki.issuer.issue(IssuanceRequest.forKey(key.getPublic(), DistinguishedNames.parse("CN=db.internal,O=Example,C=DE"),
                        List.of(SubjectAltName.dns("db2.internal")), new Profile.TlsServerClient()), ca).certificate(),
                pki.issuer.issue(IssuanceRequest.forKey(key.getPublic(), DistinguishedNames.parse("CN=Constrained CA"),
                        List.of(), constrained).withValidity(java.time.Duration.ofDays(100)), pki.rootCa).certificate(),
                pki.issuer.issueSelfSigned(IssuanceRequest.forKey(key.getPublic(), DistinguishedNames.parse(""),
                        List.of(SubjectAltName.dns("localhost")), new Profile.SelfSignedLeaf()),
                        dev.certa.core.key.SoftwareSigner.of(key)).certificate());
        for (X509Certificate c : certs) {
            TBSCertificate parsed = TBSCertificate.getInstance(c.getTBSCertificate());
            V3TBSCertificateGenerator g = new V3TBSCertificateGenerator();
            g.setSerialNumber(parsed.getSerialNumber());
            g.setSignature(parsed.getSignature());
            g.setIssuer(parsed.getIssuer());
            g.setStartDate(new Time(parsed.getStartDate().getDate()));
            g.setEndDate(new Time(parsed.getEndDate().getDate()));
            g.setSubject(parsed.getSubject());
            g.setSubjectPublicKeyInfo(parsed.getSubjectPublicKeyInfo());
            g.setExtensions(parsed.getExtensions());
            assertThat(g.generateTBSCertificate().getEncoded(ASN1Encoding.DER))
                    .as(c.getSubjectX500Principal().getName()).isEqualTo(c.getTBSCertificate());
        }
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void issuedCertificatesAreDerAndVerify(KeyType type) throws Exception {
        TestPki pki = new TestPki(type, "DER " + type.id());
        X509Certificate leaf = pki.leaf(new Profile.TlsServer(), "api.example.com").issued().certificate();
        assertThat(Certificate.getInstance(leaf.getEncoded()).getEncoded(ASN1Encoding.DER)).isEqualTo(leaf.getEncoded());
        leaf.verify(pki.intermediate.certificate().getPublicKey());
        pki.intermediate.certificate().verify(pki.root.certificate().getPublicKey());
        pki.root.certificate().verify(pki.root.certificate().getPublicKey());
    }
}
