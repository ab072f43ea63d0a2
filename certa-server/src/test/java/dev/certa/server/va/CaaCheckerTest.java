package dev.certa.server.va;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The CAA decision (RFC 8659, RFC 8657) for a relevant record set, rule by rule. Looking the set up
 * (climbing the tree, SERVFAIL) is shown end to end in the ACME tests, against a DNS server on loopback.
 */
class CaaCheckerTest {
    private static final String ACCOUNT = "https://ca.example/acme/acct/abc";
    private final CaaChecker checker = new CaaChecker(new DnsClient(Optional.empty(), Duration.ofSeconds(1)),
            List.of("certa.test", "ca.example.org"));

    private static DnsClient.Caa issue(String value) {
        return new DnsClient.Caa(0, "issue", value);
    }

    private ValidationOutcome name(DnsClient.Caa... set) {
        return checker.evaluate(List.of(set), "example.com", "www.example.com", false, "http-01", ACCOUNT);
    }

    private ValidationOutcome wildcard(DnsClient.Caa... set) {
        return checker.evaluate(List.of(set), "example.com", "*.example.com", true, "dns-01", ACCOUNT);
    }

    private static void assertAllowed(ValidationOutcome o) {
        assertThat(o).isInstanceOf(ValidationOutcome.Valid.class);
    }

    private static void assertForbidden(ValidationOutcome o, String... detail) {
        assertThat(o).isInstanceOfSatisfying(ValidationOutcome.Invalid.class, i -> {
            assertThat(i.errorType()).isEqualTo("caa");
            assertThat(i.detail()).contains("example.com").contains(detail);
        });
    }

    @Test
    void anIssueRecordNamingOneOfTheCasIdentitiesAllows() {
        assertAllowed(name(issue("certa.test")));
        assertAllowed(name(issue("other-ca.example"), issue("CA.Example.ORG.")));
        assertAllowed(name(issue("  certa.test ; ")));
    }

    @Test
    void issueRecordsNamingOnlyOtherCasOrNoneForbid() {
        assertForbidden(name(issue("other-ca.example")), "0 issue \"other-ca.example\"", "names another CA", "CAA 0 issue \"certa.test\"");
        assertForbidden(name(issue(";")), "lets no CA issue");
        assertForbidden(name(issue("")), "lets no CA issue");
    }

    @Test
    void aSetWithoutIssuePropertiesDoesNotRestrict() {
        assertAllowed(name(new DnsClient.Caa(0, "iodef", "mailto:security@example.com")));
        assertAllowed(name(new DnsClient.Caa(0, "future-tag", "anything")));
    }

    @Test
    void anUnknownCriticalPropertyForbidsAKnownOneDoesNot() {
        assertForbidden(name(issue("certa.test"), new DnsClient.Caa(128, "tbs", "x")), "critical", "'tbs'");
        assertAllowed(name(issue("certa.test"), new DnsClient.Caa(128, "iodef", "mailto:security@example.com")));
        assertAllowed(name(new DnsClient.Caa(128, "ISSUE", "certa.test")));
    }

    @Test
    void wildcardsUseIssuewildWhenThereIsOneElseIssue() {
        assertAllowed(wildcard(issue("certa.test")));
        assertForbidden(wildcard(issue("certa.test"), new DnsClient.Caa(0, "issuewild", "other-ca.example")), "issuewild");
        assertAllowed(wildcard(issue("other-ca.example"), new DnsClient.Caa(0, "issuewild", "certa.test")));
        assertForbidden(wildcard(issue("certa.test"), new DnsClient.Caa(0, "issuewild", ";")), "lets no CA issue");
        assertAllowed(name(issue("certa.test"), new DnsClient.Caa(0, "issuewild", ";")));
    }

    @Test
    void accounturiMustBeTheAccountAsking() {
        assertAllowed(name(issue("certa.test; accounturi=" + ACCOUNT)));
        assertForbidden(name(issue("certa.test; accounturi=https://ca.example/acme/acct/other")),
                "lets only the account https://ca.example/acme/acct/other", "not " + ACCOUNT);
        assertAllowed(name(issue("certa.test; accounturi=https://ca.example/acme/acct/other"), issue("certa.test;accounturi = " + ACCOUNT)));
    }

    @Test
    void validationmethodsMustListTheMethodUsed() {
        assertAllowed(name(issue("certa.test; validationmethods=dns-01,http-01")));
        assertForbidden(name(issue("certa.test; validationmethods=dns-01")), "allows only validation by dns-01, not http-01");
        assertAllowed(name(issue("certa.test; validationmethods=http-01; accounturi=" + ACCOUNT + "; x-unknown=1")));
    }

    @Test
    void malformedValuesNameNoCa() {
        assertForbidden(name(issue("certa.test; accounturi")), "malformed");
        assertForbidden(name(issue("certa.test; a=1; a=2")), "malformed");
        assertForbidden(name(issue("certa test")), "malformed");
        assertForbidden(name(issue("certa.test; validationmethods=http-01; =x")), "malformed");
    }

    @Test
    void ipIdentifiersHaveNoCaa() {
        assertAllowed(checker.check("ip:192.0.2.1", "http-01", ACCOUNT));
    }
}
