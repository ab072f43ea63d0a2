package dev.certa.core.lint;

import static dev.certa.core.lint.Drafts.onlyFinding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.profile.NameConstraintRules;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class IssuerIsCaLintTest {
    private final IssuerIsCaLint lint = new IssuerIsCaLint();

    @Test
    void aCaWithKeyCertSignPasses() {
        assertThat(lint.check(Drafts.server("www.example.com").build())).isEmpty();
        assertThat(lint.check(Drafts.server("www.example.com").selfSigned().build())).isEmpty();
    }

    @Test
    void anIssuerThatIsNotACaIsRefusedByName() {
        LintFinding f = onlyFinding(lint, Drafts.server("www.example.com")
                .issuedBy(Drafts.issuer(false, OptionalInt.empty(), true, NameConstraintRules.NONE)));
        assertThat(f.isError()).isTrue();
        assertThat(f.message()).contains("is not a CA certificate").contains("CN=Test Intermediate CA,O=certa tests");
        assertThat(f.fix()).contains("CA's certificate and key");
    }

    @Test
    void aCaWithoutKeyCertSignIsRefused() {
        LintFinding f = onlyFinding(lint, Drafts.server("www.example.com")
                .issuedBy(Drafts.issuer(true, OptionalInt.of(0), false, NameConstraintRules.NONE)));
        assertThat(f.isError()).isTrue();
        assertThat(f.message()).contains("keyCertSign").contains("CN=Test Intermediate CA,O=certa tests");
        assertThat(f.fix()).contains("keyCertSign");
    }
}
