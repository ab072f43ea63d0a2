package dev.certa.core.lint;

import static dev.certa.core.lint.Drafts.onlyFinding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.name.SubjectAltName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAsDnsNameLintTest {
    private final IpAsDnsNameLint lint = new IpAsDnsNameLint();

    @Test
    void ipAddressesAsIpSansAndHostNamesThatLookNumericPass() {
        assertThat(lint.check(Drafts.server("10.0.0.1.nip.io", "www.example.com")
                .name(SubjectAltName.Type.IP, "10.0.0.1").name(SubjectAltName.Type.IP, "2001:db8::1").build())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "2001:db8::1", "::1"})
    void anIpAddressWrittenAsADnsNameIsRefusedWithTheIpSanToUseInstead(String ip) {
        LintFinding f = onlyFinding(lint, Drafts.server("www.example.com", ip));
        assertThat(f.isError()).isTrue();
        assertThat(f.message()).isEqualTo("'" + ip + "' is an IP address written as a DNS name; clients will not match it");
        assertThat(f.fix()).contains("--san ip:" + ip).contains("IP:" + ip);
    }
}
