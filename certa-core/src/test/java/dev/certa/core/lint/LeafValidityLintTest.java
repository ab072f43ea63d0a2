package dev.certa.core.lint;

import static dev.certa.core.lint.Drafts.onlyFinding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.name.SubjectAltName;
import dev.certa.core.profile.Profile;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LeafValidityLintTest {
    private final LeafValidityLint lint = new LeafValidityLint();

    @Test
    void aServerCertificateOf398DaysPasses() {
        // 398 days plus the five-minute backdate is still within the limit
        assertThat(lint.check(Drafts.server("www.example.com").validFor(Duration.ofDays(398)).build())).isEmpty();
    }

    @Test
    void aServerCertificateOver398DaysIsAWarningNotAnError() {
        LintFinding f = onlyFinding(lint, Drafts.server("www.example.com").validFor(Duration.ofDays(399)));
        assertThat(f.severity()).isEqualTo(LintFinding.Severity.WARNING);
        assertThat(f.message()).startsWith("the server certificate is valid for 399 days").contains("398 days")
                .as("the limit binds publicly trusted roots only").contains("publicly trusted root", "are exempt");
        assertThat(f.fix()).contains("90 days");
    }

    @Test
    void serverClientCertificatesAreServerCertificatesToo() {
        LintFinding f = onlyFinding(lint, Drafts.of(new Profile.TlsServerClient()).name(
                SubjectAltName.Type.DNS, "peer.example.com").validFor(Duration.ofDays(825)));
        assertThat(f.message()).contains("825 days");
    }

    @Test
    void clientAndCaCertificatesMayLiveLonger() {
        assertThat(lint.check(Drafts.of(new Profile.TlsClient()).validFor(Duration.ofDays(825)).build())).isEmpty();
        assertThat(lint.check(Drafts.of(Profile.IntermediateCa.issuingLeavesOnly()).validFor(Duration.ofDays(900)).build()))
                .isEmpty();
    }
}
