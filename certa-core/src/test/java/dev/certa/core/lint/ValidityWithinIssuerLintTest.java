package dev.certa.core.lint;

import static dev.certa.core.lint.Drafts.NOW;
import static dev.certa.core.lint.Drafts.onlyFinding;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ValidityWithinIssuerLintTest {
    private final ValidityWithinIssuerLint lint = new ValidityWithinIssuerLint();

    @Test
    void aCertificateEndingBeforeItsIssuerPasses() {
        assertThat(lint.check(Drafts.server("www.example.com").validFor(Duration.ofDays(90)).build())).isEmpty();
    }

    @Test
    void endingExactlyWithTheIssuerPasses() {
        assertThat(lint.check(Drafts.server("www.example.com").validFor(Duration.ofDays(1000)).build())).isEmpty();
    }

    @Test
    void outlivingTheIssuerIsRefusedWithTheDaysThatRemain() {
        LintFinding f = onlyFinding(lint, Drafts.server("www.example.com").validFor(Duration.ofDays(1001)));
        assertThat(f.isError()).isTrue();
        assertThat(f.message()).isEqualTo("the requested validity ends 2028-02-27T12:00:00Z, after the issuing CA expires"
                + " (2028-02-26T12:00:00Z)");
        assertThat(f.fix()).isEqualTo("ask for at most 1000 days (--validity 1000d), or renew the CA first");
    }

    @Test
    void whenTheIssuerExpiresWithinADayTheFixIsToRenewIt() {
        LintFinding f = onlyFinding(lint, Drafts.server("www.example.com").validFor(Duration.ofDays(90))
                .issuedBy(Drafts.expiringAt(NOW.plus(Duration.ofHours(3)))));
        assertThat(f.fix()).startsWith("renew the CA first").doesNotContain("--validity 0d");
    }

    @Test
    void anExpiredIssuerIsNamedAsExpired() {
        LintFinding f = onlyFinding(lint, Drafts.server("www.example.com").validFor(Duration.ofDays(90))
                .issuedBy(Drafts.expiringAt(NOW.minus(Duration.ofDays(2)))));
        assertThat(f.message()).isEqualTo("the issuing CA expired 2025-05-30T12:00:00Z and can no longer issue certificates");
        assertThat(f.fix()).isEqualTo("renew the CA first, then issue again");
    }

    @Test
    void selfSignedCertificatesHaveNoIssuerToOutlive() {
        assertThat(lint.check(Drafts.server("www.example.com").validFor(Duration.ofDays(5000)).selfSigned().build()))
                .isEmpty();
    }
}
