package dev.certa.core.lint;

import static dev.certa.core.lint.Drafts.onlyFinding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.profile.NameConstraintRules;
import dev.certa.core.profile.Profile;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PathLengthLintTest {
    private final PathLengthLint lint = new PathLengthLint();

    private static Drafts subCa(OptionalInt subLen, OptionalInt issuerLen) {
        return Drafts.of(new Profile.IntermediateCa(subLen, NameConstraintRules.NONE))
                .issuedBy(Drafts.issuer(true, issuerLen, true, NameConstraintRules.NONE));
    }

    @Test
    void aSubCaBelowItsIssuersPathLengthPasses() {
        assertThat(lint.check(subCa(OptionalInt.of(0), OptionalInt.of(1)).build())).isEmpty();
        assertThat(lint.check(subCa(OptionalInt.empty(), OptionalInt.empty()).build())).isEmpty();
    }

    @Test
    void anIssuerWithPathLenZeroSignsLeavesOnly() {
        assertThat(lint.check(Drafts.server("www.example.com").build())).isEmpty();
        LintFinding f = onlyFinding(lint, subCa(OptionalInt.of(0), OptionalInt.of(0)));
        assertThat(f.isError()).isTrue();
        assertThat(f.message()).contains("path length 0").contains("only leaf certificates");
        assertThat(f.fix()).contains("under the root CA");
    }

    @Test
    void aSubCaAsDeepAsItsIssuerIsRefusedWithTheLengthToAskFor() {
        LintFinding f = onlyFinding(lint, subCa(OptionalInt.of(2), OptionalInt.of(2)));
        assertThat(f.message()).isEqualTo("the new CA's path length (2) must be less than its issuer's (2)");
        assertThat(f.fix()).isEqualTo("ask for --path-len 1 or less");
    }

    @Test
    void anUnlimitedSubCaUnderALimitedIssuerIsRefused() {
        LintFinding f = onlyFinding(lint, subCa(OptionalInt.empty(), OptionalInt.of(3)));
        assertThat(f.message()).contains("(unlimited)").contains("(3)");
        assertThat(f.fix()).contains("--path-len 2");
    }
}
