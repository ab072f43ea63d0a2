package dev.certa.core.issue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.key.KeyType;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.profile.Profile;
import dev.certa.core.testing.TestPki;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The delegated OCSP responder profile: what RFC 6960 §4.2.2.2 asks of a responder certificate. */
class OcspResponderProfileTest {
    @Test
    void aResponderCertificateMayOnlySignOcspAndNeedsNoStatusCheckOfItsOwn() throws Exception {
        TestPki pki = new TestPki(KeyType.EC_P256, "Responder Test");
        KeyPair key = KeyType.EC_P256.generate(TestPki.RANDOM);
        CertificateAuthority ca = pki.intermediateCa.withUrls(new CaUrls(List.of("http://ca.test/ca.cer"),
                java.util.Optional.of("http://ca.test/ocsp"), List.of("http://ca.test/ca.crl")));
        X509Certificate c = pki.issuer.issue(IssuanceRequest.forKey(key.getPublic(), DistinguishedNames.of("Test OCSP Responder", "t"),
                List.of(), new Profile.OcspResponder()), ca).certificate();
        assertThat(c.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.9");
        assertThat(c.getNonCriticalExtensionOIDs()).contains("1.3.6.1.5.5.7.48.1.5");
        assertThat(c.getBasicConstraints()).isEqualTo(-1);
        assertThat(c.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(c.getExtensionValue("1.3.6.1.5.5.7.1.1")).as("no AIA: clients do not check a responder's status").isNull();
        assertThat(c.getExtensionValue("2.5.29.31")).as("no CRL distribution point").isNull();
        assertThat(java.time.Duration.between(c.getNotBefore().toInstant(), c.getNotAfter().toInstant()))
                .isLessThanOrEqualTo(java.time.Duration.ofDays(7).plus(Issuer.BACKDATE));
    }
}
