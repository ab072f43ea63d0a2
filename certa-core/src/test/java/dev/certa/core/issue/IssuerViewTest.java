package dev.certa.core.issue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.key.KeyType;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.name.SubjectAltName;
import dev.certa.core.profile.Profile;
import dev.certa.core.testing.TestPki;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.junit.jupiter.api.Test;

class IssuerViewTest {

    @Test
    void oneIssuerAlternatingBetweenCasNamesAndChainsEachCorrectly() throws Exception {
        TestPki ec = new TestPki(KeyType.EC_P256, "Alternate EC");
        TestPki rsa = new TestPki(KeyType.RSA_2048, "Alternate RSA");
        Issuer issuer = new Issuer(Clock.systemUTC(), TestPki.RANDOM);
        for (int i = 0; i < 3; i++) {
            for (TestPki pki : List.of(ec, rsa, rsa, ec)) {
                var key = KeyType.EC_P256.generate(TestPki.RANDOM);
                IssuedCertificate issued = issuer.issue(IssuanceRequest.forKey(key.getPublic(),
                        DistinguishedNames.parse(""), List.of(SubjectAltName.dns("a.example.com")),
                        new Profile.TlsServer()), pki.intermediateCa);
                X509Certificate leaf = issued.certificate();
                X509Certificate ca = pki.intermediate.certificate();
                assertThat(leaf.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
                assertThat(authorityKeyId(leaf)).isEqualTo(subjectKeyId(ca));
                assertThat(issued.issuerChain()).containsExactly(ca, pki.root.certificate());
                leaf.verify(ca.getPublicKey());
            }
        }
    }

    private static byte[] authorityKeyId(X509Certificate c) {
        return AuthorityKeyIdentifier.getInstance(
                ASN1OctetString.getInstance(c.getExtensionValue("2.5.29.35")).getOctets()).getKeyIdentifier();
    }

    private static byte[] subjectKeyId(X509Certificate c) {
        return SubjectKeyIdentifier.getInstance(
                ASN1OctetString.getInstance(c.getExtensionValue("2.5.29.14")).getOctets()).getKeyIdentifier();
    }
}
