package dev.certa.core.lint;

import static dev.certa.core.lint.Drafts.onlyFinding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.name.SubjectAltName;
import dev.certa.core.profile.Profile;
import org.junit.jupiter.api.Test;

class CaProfileMismatchLintTest {
    private final CaProfileMismatchLint lint = new CaProfileMismatchLint();

    @Test
    void matchingRequestsPass() {
        assertThat(lint.check(Drafts.server("www.example.com").requestedCa(false).build())).isEmpty();
        assertThat(lint.check(Drafts.server("www.example.com").build())).isEmpty();
        assertThat(lint.check(Drafts.of(Profile.IntermediateCa.issuingLeavesOnly()).requestedCa(true).build())).isEmpty();
    }

    @Test
    void aLeafProfileForACsrAskingToBeACaIsRefused() {
        LintFinding f = onlyFinding(lint, Drafts.server("www.example.com").requestedCa(true));
        assertThat(f.isError()).isTrue();
        assertThat(f.message()).isEqualTo("the CSR asks for a CA certificate but the server profile issues leaf certificates");
        assertThat(f.fix()).contains("certa ca intermediate").contains("CA:TRUE");
    }

    @Test
    void aCaProfileForACsrAskingForALeafIsRefused() {
        LintFinding f = onlyFinding(lint, Drafts.of(Profile.IntermediateCa.issuingLeavesOnly()).requestedCa(false));
        assertThat(f.message()).contains("intermediate-ca").contains("non-CA (leaf)");
        assertThat(f.fix()).contains("--profile server");
    }

    @Test
    void aCaProfileForARequestNamingHostsIsRefusedNamingTheHost() {
        LintFinding f = onlyFinding(lint, Drafts.of(Profile.RootCa.unlimited())
                .name(SubjectAltName.Type.DNS, "api.example.com"));
        assertThat(f.message()).contains("root-ca").contains("DNS:api.example.com");
        assertThat(f.fix()).contains("--profile server");
    }
}
