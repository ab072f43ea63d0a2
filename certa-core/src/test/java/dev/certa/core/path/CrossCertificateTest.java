package dev.certa.core.path;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A server sends leaf, intermediate and "root E cross-signed by root F". A client that trusts E does
 * not need the cross-certificate, but one that trusts only F does: calling it "not part of the path;
 * remove it" broke every client that trusts only F. It is named a cross-certificate, with a fix that
 * depends on which roots the clients have.
 */
class CrossCertificateTest {
    private static final Instant AT = Instant.parse("2026-06-01T00:00:00Z");
    private static final KeyPair E_KEY = Forge.key();
    private static final KeyPair F_KEY = Forge.key();
    private static final KeyPair INTERMEDIATE_KEY = Forge.key();
    private static final X509Certificate ROOT_E = Forge.cert("CN=E Root CA", E_KEY).ca().build();
    private static final X509Certificate ROOT_F = Forge.cert("CN=F Root CA", F_KEY).ca().build();
    private static final X509Certificate E_BY_F = Forge.cert("CN=E Root CA", E_KEY).issuedBy(ROOT_F, F_KEY).ca().build();
    private static final X509Certificate INTERMEDIATE =
            Forge.cert("CN=E Intermediate", INTERMEDIATE_KEY).issuedBy(ROOT_E, E_KEY).ca().build();
    private static final X509Certificate LEAF = Forge.cert("CN=a.example", Forge.key()).issuedBy(INTERMEDIATE, INTERMEDIATE_KEY)
            .dns("a.example").serverAuth().build();

    private static Verdict verify(X509Certificate root) {
        return new PathValidator().validateChain(List.of(LEAF, INTERMEDIATE, E_BY_F),
                List.of(TrustStore.of("roots", List.of(root))), ValidationOptions.server(AT, "a.example").withMode(ValidationMode.RFC5280));
    }

    @Test
    void aCrossCertificateSentToAClientThatTrustsTheNewRootIsNamedAndKeptForClientsOfTheOldRoot() {
        Verdict v = verify(ROOT_E);

        assertThat(v.trusted()).as(v.problems().toString()).isTrue();
        List<String> messages = v.warnings().stream().map(Finding::message).toList();
        assertThat(messages).noneMatch(m -> m.contains("is not part of the path"));
        Finding cross = v.warnings().stream().filter(f -> f.message().contains("cross-certificate")).findFirst().orElseThrow();
        assertThat(cross.message()).isEqualTo("'CN=E Root CA' was sent as a cross-certificate: the same CA (name and key) as the"
                + " trusted root, issued by 'CN=F Root CA'; this path did not need it, but clients that trust only 'CN=F Root CA'"
                + " need it to reach a root");
        assertThat(cross.fix()).isEqualTo("keep it while any client may trust only 'CN=F Root CA' and not 'CN=E Root CA';"
                + " remove it only when every client has 'CN=E Root CA' as a root");
    }

    @Test
    void aClientThatTrustsOnlyTheOldRootUsesTheCrossCertificateWithoutAWarningAboutIt() {
        Verdict v = verify(ROOT_F);

        assertThat(v.trusted()).as(v.problems().toString()).isTrue();
        assertThat(v.path()).extracting(PathLink::certificate).containsExactly(LEAF, INTERMEDIATE, E_BY_F, ROOT_F);
        assertThat(v.warnings()).extracting(Finding::message)
                .noneMatch(m -> m.contains("cross-certificate") || m.contains("not part of the path"));
    }

    @Test
    void anUnrelatedCertificateSentAlongIsStillCalledNotPartOfThePath() {
        X509Certificate stray = Forge.cert("CN=Stray CA", Forge.key()).ca().build();
        Verdict v = new PathValidator().validateChain(List.of(LEAF, INTERMEDIATE, stray),
                List.of(TrustStore.of("roots", List.of(ROOT_E))), ValidationOptions.server(AT, "a.example").withMode(ValidationMode.RFC5280));
        assertThat(v.warnings()).extracting(Finding::message).contains("'CN=Stray CA' was sent but is not part of the path to the root");
    }
}
