package dev.certa.core.lint;

import static dev.certa.core.lint.Drafts.onlyFinding;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ValidityOrderLintTest {
    private final ValidityOrderLint lint = new ValidityOrderLint();

    @Test
    void aPositiveValidityPasses() {
        assertThat(lint.check(Drafts.server("www.example.com").validFor(Duration.ofDays(90)).build())).isEmpty();
        assertThat(lint.check(Drafts.server("www.example.com").validFor(Duration.ofSeconds(1)).build())).isEmpty();
    }

    @Test
    void aNegativeValidityIsRefusedShowingBothDates() {
        LintFinding f = onlyFinding(lint, Drafts.server("www.example.com").validFor(Duration.ofDays(-1)));
        assertThat(f.isError()).isTrue();
        assertThat(f.message()).isEqualTo("the validity period is empty (notAfter 2025-05-31T12:00:00Z is not after"
                + " the time of issue 2025-06-01T12:00:00Z)");
        assertThat(f.fix()).contains("--validity 90d");
    }

    @Test
    void aZeroValidityIsRefusedEvenThoughNotBeforeIsBackdated() {
        // The issuer backdates notBefore by five minutes; a zero-length request must not slip through
        // as a certificate that expires the moment it is issued.
        LintFinding f = onlyFinding(lint, Drafts.server("www.example.com").validFor(Duration.ZERO));
        assertThat(f.isError()).isTrue();
        assertThat(f.message()).contains("notAfter 2025-06-01T12:00:00Z is not after the time of issue 2025-06-01T12:00:00Z");
    }

    @Test
    void aNegativeValiditySmallerThanTheBackdateIsRefused() {
        LintFinding f = onlyFinding(lint, Drafts.server("www.example.com").validFor(Duration.ofMinutes(-1)));
        assertThat(f.isError()).isTrue();
    }
}
