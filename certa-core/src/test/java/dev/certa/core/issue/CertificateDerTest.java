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
import org.bouncycastle.asn1.x509.Certificate;
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
