package dev.certa.core.path;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.issue.IssuedCertificate;
import dev.certa.core.key.KeyType;
import dev.certa.core.profile.Profile;
import dev.certa.core.testing.TestPki;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Putting a leaf and a pile of certificates into the order a server sends. */
class ChainBundlerTest {
    private final TestPki pki = new TestPki(KeyType.EC_P256, "Bundle");
    private final TestPki other = new TestPki(KeyType.EC_P256, "Unrelated");
    private final IssuedCertificate leaf = pki.leaf(new Profile.TlsServer(), "shop.example").issued();
    private final ChainBundler bundler = new ChainBundler();

    @Test
    void ordersThePileAndFlagsWhatIsNotNeeded() {
        List<X509Certificate> pile = List.of(other.intermediate.certificate(), pki.root.certificate(),
                pki.intermediate.certificate(), leaf.certificate());

        Bundle b = bundler.bundle(leaf.certificate(), pile, List.of(TrustStore.of("roots", List.of(pki.root.certificate()))),
                ValidationOptions.server(Instant.now(), "shop.example"));

        assertThat(b.verdict().trusted()).isTrue();
        assertThat(b.chain()).containsExactly(leaf.certificate(), pki.intermediate.certificate());
        assertThat(b.root()).contains(pki.root.certificate());
        assertThat(b.extras()).containsExactly(other.intermediate.certificate());
    }

    @Test
    void withoutATrustedRootTheChainStillFollowsIssuers() {
        List<X509Certificate> pile = List.of(pki.root.certificate(), pki.intermediate.certificate());

        Bundle b = bundler.bundle(leaf.certificate(), pile, List.of(), ValidationOptions.server(Instant.now(), "shop.example"));

        assertThat(b.verdict().trusted()).isFalse();
        assertThat(b.chain()).containsExactly(leaf.certificate(), pki.intermediate.certificate());
        assertThat(b.root()).contains(pki.root.certificate());
        assertThat(b.extras()).isEmpty();
        assertThat(b.verdict().problems().get(0).check()).isEqualTo(Check.TRUST);
    }
}
