package dev.certa.core.lint;

import static dev.certa.core.lint.Drafts.onlyFinding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.name.SubjectAltName;
import dev.certa.core.profile.NameConstraintRules;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameConstraintsLintTest {
    private final NameConstraintsLint lint = new NameConstraintsLint();
    private static final NameConstraintRules EXAMPLE_COM = new NameConstraintRules(
            List.of("example.com", "10.0.0.0/8", "@example.com"), List.of("internal.example.com"));

    private static Drafts under(NameConstraintRules rules) {
        return Drafts.server().issuedBy(Drafts.constrained(rules));
    }

    @Test
    void namesInsideThePermittedSubtreesPass() {
        assertThat(lint.check(under(EXAMPLE_COM)
                .name(SubjectAltName.Type.DNS, "example.com")
                .name(SubjectAltName.Type.DNS, "api.example.com")
                .name(SubjectAltName.Type.DNS, "*.example.com")
                .name(SubjectAltName.Type.IP, "10.1.2.3")
                .name(SubjectAltName.Type.EMAIL, "ops@example.com").build())).isEmpty();
    }

    @Test
    void anUnconstrainedIssuerAllowsAnything() {
        assertThat(lint.check(Drafts.server("www.example.org").build())).isEmpty();
    }

    @Test
    void aNameOutsideIsRefusedNamingItAndTheConstraints() {
        LintFinding f = onlyFinding(lint, under(EXAMPLE_COM).name(SubjectAltName.Type.DNS, "www.example.org"));
        assertThat(f.isError()).isTrue();
        assertThat(f.message()).isEqualTo("the issuing CA may not sign for DNS:www.example.org (its name constraints permit"
                + " example.com, 10.0.0.0/8, @example.com and exclude internal.example.com)");
        assertThat(f.fix()).contains("remove that name");
    }

    @Test
    void aSuffixThatIsNotASubdomainIsOutside() {
        LintFinding f = onlyFinding(lint, under(EXAMPLE_COM).name(SubjectAltName.Type.DNS, "badexample.com"));
        assertThat(f.message()).contains("DNS:badexample.com");
    }

    @Test
    void anExcludedSubtreeWinsOverAPermittedOne() {
        LintFinding f = onlyFinding(lint, under(EXAMPLE_COM).name(SubjectAltName.Type.DNS, "db.internal.example.com"));
        assertThat(f.message()).contains("DNS:db.internal.example.com");
    }

    @Test
    void ipAndEmailOutsideTheirRangesAreRefusedOneFindingEach() {
        assertThat(lint.check(under(EXAMPLE_COM)
                .name(SubjectAltName.Type.IP, "192.168.1.1")
                .name(SubjectAltName.Type.EMAIL, "ops@example.net").build()))
                .extracting(LintFinding::message)
                .satisfiesExactly(
                        m -> assertThat(m).contains("IP:192.168.1.1"),
                        m -> assertThat(m).contains("email:ops@example.net"));
    }

    @Test
    void onlyPermittedDnsMeansOtherTypesAreAllowed() {
        assertThat(lint.check(under(new NameConstraintRules(List.of("example.com"), List.of()))
                .name(SubjectAltName.Type.IP, "192.168.1.1").build())).isEmpty();
    }
}
