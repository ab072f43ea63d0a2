package dev.certa.core.lint;

import static dev.certa.core.lint.Drafts.onlyFinding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.name.SubjectAltName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DnsNameSyntaxLintTest {
    private final DnsNameSyntaxLint lint = new DnsNameSyntaxLint();

    @Test
    void validHostNamesPass() {
        assertThat(lint.check(Drafts.server("www.example.com", "a-b.example.com", "xn--bcher-kva.example", "localhost")
                .build())).isEmpty();
    }

    @Test
    void wildcardsIpsAndOtherNameTypesAreLeftToTheirOwnLints() {
        assertThat(lint.check(Drafts.server("f*o.example.com", "10.0.0.1", "2001:db8::1")
                .name(SubjectAltName.Type.EMAIL, "not a host@@").build())).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-bad.example.com | the label '-bad' starts or ends with a hyphen",
        "a..b.example.com | empty label",
        "exa mple.com     | the character ' ' is not allowed",
        "bücher.example   | the character 'ü' is not allowed",
        "example.com.     | trailing dot",
        "999.1.1.1        | all digits",
    })
    void invalidNamesAreRefusedQuotingTheNameAndTheProblem(String name, String problem) {
        LintFinding f = onlyFinding(lint, Drafts.server("ok.example.com", name));
        assertThat(f.isError()).isTrue();
        assertThat(f.message()).startsWith("the DNS name '" + name + "' is not valid: ").contains(problem);
        assertThat(f.fix()).contains("correct the name");
    }

    @Test
    void aLabelOver63CharactersIsRefused() {
        String label = "x".repeat(64);
        LintFinding f = onlyFinding(lint, Drafts.server(label + ".example.com"));
        assertThat(f.message()).contains("the label '" + label + "' is longer than 63 characters");
    }

    @Test
    void everyBadNameIsReportedSeparately() {
        assertThat(lint.check(Drafts.server("-a.example.com", "b..example.com", "www.example.com").build()))
                .extracting(LintFinding::message)
                .containsExactly("the DNS name '-a.example.com' is not valid: the label '-a' starts or ends with a hyphen",
                        "the DNS name 'b..example.com' is not valid: it has an empty label (two dots in a row,"
                                + " or a leading or trailing dot)");
    }
}
