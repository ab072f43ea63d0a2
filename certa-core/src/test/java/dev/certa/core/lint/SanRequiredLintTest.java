package dev.certa.core.lint;

import static dev.certa.core.lint.Drafts.onlyFinding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.name.SubjectAltName;
import dev.certa.core.profile.Profile;
import org.junit.jupiter.api.Test;

class SanRequiredLintTest {
    private final SanRequiredLint lint = new SanRequiredLint();

    @Test
    void aServerWithADnsOrIpNamePasses() {
        assertThat(lint.check(Drafts.server("www.example.com").build())).isEmpty();
        assertThat(lint.check(Drafts.server().name(SubjectAltName.Type.IP, "10.0.0.5").build())).isEmpty();
    }

    @Test
    void clientAndCaCertificatesNeedNoHostName() {
        assertThat(lint.check(Drafts.of(new Profile.TlsClient()).subject("CN=Alice Smith").build())).isEmpty();
        assertThat(lint.check(Drafts.of(Profile.IntermediateCa.issuingLeavesOnly()).build())).isEmpty();
    }

    @Test
    void aServerWithOnlyACommonNameIsRefusedQuotingIt() {
        LintFinding f = onlyFinding(lint, Drafts.server().subject("CN=Alice Smith,O=Example"));
        assertThat(f.isError()).isTrue();
        assertThat(f.message()).isEqualTo("a server certificate needs at least one DNS name or IP address"
                + " (the common name 'Alice Smith' is not a host name)");
        assertThat(f.fix()).contains("--san api.example.com");
    }

    @Test
    void theCommonNameIsQuotedAsWrittenNotEscaped() {
        LintFinding f = onlyFinding(lint, Drafts.server().subject("CN=Smith\\, Alice"));
        assertThat(f.message()).endsWith("(the common name 'Smith, Alice' is not a host name)");
    }

    @Test
    void anEmailAddressDoesNotNameAServer() {
        LintFinding f = onlyFinding(lint, Drafts.server().name(SubjectAltName.Type.EMAIL, "ops@example.com"));
        assertThat(f.message()).isEqualTo("a server certificate needs at least one DNS name or IP address");
    }
}
