package dev.certa.core.name;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubjectAltNameTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // DNS: lower-cased, one trailing dot dropped, Unicode to punycode
        "www.example.com                      | DNS:www.example.com",
        "WWW.Example.COM.                     | DNS:www.example.com",
        "bücher.example                       | DNS:xn--bcher-kva.example",
        "*.example.com                        | DNS:*.example.com",
        "localhost                            | DNS:localhost",
        "dns:api.example.com                  | DNS:api.example.com",
        // IP: v4, v6 in canonical RFC 5952 form, bracketed v6
        "192.0.2.10                           | IP:192.0.2.10",
        "ip:10.0.0.1                          | IP:10.0.0.1",
        "2001:DB8:0:0:0:0:0:1                 | IP:2001:db8::1",
        "[2001:db8::1]                        | IP:2001:db8::1",
        "ip:[2001:db8::1]                     | IP:2001:db8::1",
        "2001:0db8:0000:0000:0001:0000:0000:1 | IP:2001:db8::1:0:0:1",
        "2001:db8:0:1:1:1:1:1                 | IP:2001:db8:0:1:1:1:1:1",
        "fe80:0:0:0:0:0:0:0                   | IP:fe80::",
        "::1                                  | IP:::1",
        // email: the domain is normalised like a DNS name, the mailbox is kept
        "Ops@Example.COM                      | email:Ops@example.com",
        "ops@bücher.example                   | email:ops@xn--bcher-kva.example",
        "email:ops@example.com                | email:ops@example.com",
        // URI
        "spiffe://example.org/ns/prod/sa/api  | URI:spiffe://example.org/ns/prod/sa/api",
        "https://example.com/                 | URI:https://example.com/",
        "urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6 | URI:urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
        "uri:mailto:ops@example.com           | URI:mailto:ops@example.com",
    })
    void detectsTheTypeAndNormalises(String typed, String expected) {
        SubjectAltName n = SubjectAltName.parse(typed);
        assertThat(n.toString()).isEqualTo(expected);
        // what goes into a certificate comes back the same
        assertThat(SubjectAltName.fromGeneralName(n.toGeneralName())).contains(n);
    }

    @Test
    void theTypedFactoriesAgreeWithParse() {
        assertThat(SubjectAltName.dns("WWW.example.com")).isEqualTo(SubjectAltName.parse("www.example.com"));
        assertThat(SubjectAltName.ip("2001:db8:0::1")).isEqualTo(SubjectAltName.parse("2001:db8::1"));
        assertThat(SubjectAltName.email("a@Example.com").type()).isEqualTo(SubjectAltName.Type.EMAIL);
        assertThat(SubjectAltName.uri("spiffe://x/y").type()).isEqualTo(SubjectAltName.Type.URI);
    }

    @Test
    void aLabelOfExactly63CharactersIsAllowed() {
        String label = "a".repeat(63);
        assertThat(SubjectAltName.parse(label + ".example.com").value()).isEqualTo(label + ".example.com");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "exa mple.com       | 'exa mple.com' is not a valid DNS name: the character ' ' is not allowed in a host name",
        "-bad.example.com   | '-bad.example.com' is not a valid DNS name: the label '-bad' starts or ends with a hyphen",
        "bad-.example.com   | the label 'bad-' starts or ends with a hyphen",
        "a..b               | 'a..b' is not a valid DNS name",
        ".example.com       | '.example.com' is not a valid DNS name",
        "f*o.example.com    | 'f*o.example.com' is not a valid DNS name: a wildcard must be the whole left-most label",
        "www.*.example.com  | a wildcard is only allowed in the left-most label",
        "*.com              | '*.com' is not a valid DNS name: a wildcard needs at least two labels after it",
        "999.1.1.1          | '999.1.1.1' is not a valid DNS name: the last label '1' is all digits",
        "dns:10.0.0.1       | it is an IP address, which must be given as an IP name (ip:10.0.0.1)",
        "user@              | 'user@' is not an email address",
        "@example.com       | '@example.com' is not an email address",
        "a@b@example.com    | 'a@b@example.com' is not an email address",
        "ops@*.example.com  | an email domain cannot be a wildcard",
        "ip:999.1.1.1       | '999.1.1.1' is not an IP address",
        "ip:www.example.com | 'www.example.com' is not an IP address",
        "uri:not a uri      | 'not a uri' is not a URI",
        "uri:example.com    | 'example.com' is not a URI (no scheme)",
    })
    void refusesMalformedNamesQuotingThem(String typed, String reason) {
        CertaException e = assertThrows(CertaException.class, () -> SubjectAltName.parse(typed));
        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_NAME);
        assertThat(e.reason()).contains(reason);
        assertThat(e.fix()).isPresent();
    }

    @Test
    void refusesALabelLongerThan63Characters() {
        String label = "a".repeat(64);
        CertaException e = assertThrows(CertaException.class, () -> SubjectAltName.parse(label + ".example.com"));
        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_NAME);
        assertThat(e.reason()).startsWith("'" + label + ".example.com' is not a valid DNS name");
        assertThat(e.fix().orElseThrow()).contains("www.example.com");
    }

    @org.junit.jupiter.api.Test
    void ipv4MappedIpv6IsAnIpAddress() {
        var n = SubjectAltName.parse("::ffff:10.0.0.1");
        org.assertj.core.api.Assertions.assertThat(n.type()).isEqualTo(SubjectAltName.Type.IP);
        org.assertj.core.api.Assertions.assertThat(n.value()).isEqualTo("10.0.0.1");
    }
}
