package dev.certa.core.path;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.name.SubjectAltName;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The peer-name finding names each name's type when the types differ: "192.0.2.10" written as a DNS
 * name and the address 192.0.2.10 are different names, and a client matches an address only against
 * IP entries. Before, this read "valid for 192.0.2.10, not for 192.0.2.10".
 */
class PeerNameMessageTest {
    private static final Instant AT = Instant.parse("2026-06-01T00:00:00Z");

    private static Verdict verify(X509Certificate leaf, X509Certificate root, SubjectAltName expected) {
        ValidationOptions options = ValidationOptions.anyPurpose(AT).withPurpose(Purpose.SERVER)
                .withExpectedNames(List.of(expected)).withMode(ValidationMode.RFC5280);
        return new PathValidator().validate(leaf, List.of(), List.of(TrustStore.of("roots", List.of(root))), options);
    }

    @Test
    void anIpAddressCheckedAgainstADnsNameWithTheSameTextNamesBothTypes() {
        KeyPair rootKey = Forge.key();
        X509Certificate root = Forge.cert("CN=Names Root", rootKey).ca().build();
        X509Certificate leaf = Forge.cert("CN=192.0.2.10", Forge.key()).issuedBy(root, rootKey).dns("192.0.2.10")
                .serverAuth().build();

        Verdict v = verify(leaf, root, SubjectAltName.ip("192.0.2.10"));

        assertThat(v.trusted()).isFalse();
        Finding f = v.problems().stream().filter(p -> p.check() == Check.PEER_NAME).findFirst().orElseThrow();
        assertThat(f.message()).isEqualTo("valid for DNS:192.0.2.10, not for IP:192.0.2.10");
        assertThat(f.fix()).contains("re-issue it with IP:192.0.2.10");
    }

    @Test
    void dnsNamesAloneStayUnlabelled() {
        KeyPair rootKey = Forge.key();
        X509Certificate root = Forge.cert("CN=Names Root", rootKey).ca().build();
        X509Certificate leaf = Forge.cert("CN=a.example", Forge.key()).issuedBy(root, rootKey).dns("a.example")
                .serverAuth().build();

        Verdict v = verify(leaf, root, SubjectAltName.dns("b.example"));

        Finding f = v.problems().stream().filter(p -> p.check() == Check.PEER_NAME).findFirst().orElseThrow();
        assertThat(f.message()).isEqualTo("valid for a.example, not for b.example");
    }
}
