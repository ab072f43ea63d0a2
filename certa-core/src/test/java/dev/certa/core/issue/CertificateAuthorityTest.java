package dev.certa.core.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.key.KeyType;
import dev.certa.core.key.SoftwareSigner;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.name.SubjectAltName;
import dev.certa.core.profile.Profile;
import dev.certa.core.testing.TestPki;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CertificateAuthorityTest {
    private static final TestPki PKI = new TestPki(KeyType.EC_P256, "Mismatch");

    @Test
    void theMatchingKeyIsAccepted() {
        var ca = new CertificateAuthority(PKI.root.certificate(), List.of(), SoftwareSigner.of(PKI.rootKey));
        assertThat(ca.certificateAndChain()).containsExactly(PKI.root.certificate());
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"EC_P256", "ED25519"})
    void aKeyOfAnotherCaIsRefusedNamingTheCertificate(KeyType otherType) {
        var other = SoftwareSigner.of(otherType.generate(TestPki.RANDOM));
        CertaException e = assertThrows(CertaException.class,
                () -> new CertificateAuthority(PKI.root.certificate(), List.of(), other));
        assertThat(e.kind()).isEqualTo(ErrorKind.KEY_MISMATCH);
        assertThat(e.reason()).isEqualTo("CA 'CN=Mismatch Root CA,O=certa tests': the private key does not belong to the"
                + " certificate 'CN=Mismatch Root CA,O=certa tests'");
        assertThat(e.fix()).hasValue("use the key file that was created together with this certificate");
    }

    @Test
    void theIntermediatesKeyDoesNotWorkWithTheRootsCertificate() {
        CertaException e = assertThrows(CertaException.class,
                () -> new CertificateAuthority(PKI.root.certificate(), List.of(), SoftwareSigner.of(PKI.intermediateKey)));
        assertThat(e.kind()).isEqualTo(ErrorKind.KEY_MISMATCH);
    }

    @Test
    void aLeafCertificateCannotActAsACa() {
        TestPki.Leaf leaf = PKI.leaf(new Profile.TlsServer(), "www.example.com");
        CertaException e = assertThrows(CertaException.class, () -> new CertificateAuthority(leaf.issued().certificate(),
                List.of(PKI.intermediate.certificate()), SoftwareSigner.of(leaf.key())));
        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
        assertThat(e.reason()).isEqualTo("'CN=www.example.com' is not a CA certificate (no CA flag)");
        assertThat(e.fix().orElseThrow()).contains("certa ca init");
    }

    @Test
    void aSelfSignedCertificateMustBeSignedByItsOwnKey() {
        var key = KeyType.EC_P256.generate(TestPki.RANDOM);
        var request = IssuanceRequest.forKey(key.getPublic(), DistinguishedNames.parse("CN=dev.local"),
                List.of(SubjectAltName.dns("dev.local")), new Profile.SelfSignedLeaf());
        CertaException e = assertThrows(CertaException.class,
                () -> PKI.issuer.issueSelfSigned(request, SoftwareSigner.of(PKI.rootKey)));
        assertThat(e.kind()).isEqualTo(ErrorKind.KEY_MISMATCH);
        assertThat(e.reason()).isEqualTo("a self-signed certificate must be signed by its own key");
        assertThat(PKI.issuer.issueSelfSigned(request, SoftwareSigner.of(key)).certificate().getSubjectX500Principal()
                .getName()).isEqualTo("CN=dev.local");
    }
}
