package dev.certa.core.lint;

import static dev.certa.core.lint.Drafts.onlyFinding;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WildcardPlacementLintTest {
    private final WildcardPlacementLint lint = new WildcardPlacementLint();

    @Test
    void aWholeLeftMostWildcardPasses() {
        assertThat(lint.check(Drafts.server("*.example.com", "*.api.example.co.uk").build())).isEmpty();
    }

    @Test
    void namesWithoutWildcardsAreLeftToTheSyntaxLint() {
        assertThat(lint.check(Drafts.server("-bad.example.com").build())).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "f*o.example.com   | not part of 'f*o'",
        "www.*.example.com | only allowed in the left-most label",
        "*.*.example.com   | only allowed in the left-most label",
        "*.com             | at least two labels after it",
        "*                 | at least two labels after it",
    })
    void misplacedWildcardsAreRefusedQuotingTheName(String name, String problem) {
        LintFinding f = onlyFinding(lint, Drafts.server(name));
        assertThat(f.isError()).isTrue();
        assertThat(f.message()).startsWith("the wildcard name '" + name + "' is not valid: ").contains(problem);
        assertThat(f.fix()).contains("*.example.com");
    }
}
