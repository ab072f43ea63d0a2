package dev.certa.core.path;

import static dev.certa.core.path.TestCerts.cert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.name.SubjectAltName;
import dev.certa.core.name.SubjectAltName.Type;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HostnameMatcherTest {

    private static boolean dns(X509Certificate leaf, String host) {
        return HostnameMatcher.matches(leaf, new SubjectAltName(Type.DNS, host));
    }

    private static boolean ip(X509Certificate leaf, String address) {
        return HostnameMatcher.matches(leaf, new SubjectAltName(Type.IP, address));
    }

    private static boolean email(X509Certificate leaf, String address) {
        return HostnameMatcher.matches(leaf, new SubjectAltName(Type.EMAIL, address));
    }

    @Nested
    class Dns {
        @Test
        void exactNamesMatchIgnoringCaseAndATrailingDotOnTheNameAskedFor() {
            X509Certificate leaf = cert("CN=leaf").dns("www.Example.com", "api.example.com").build();
            assertThat(dns(leaf, "www.example.com")).isTrue();
            assertThat(dns(leaf, "API.EXAMPLE.COM")).isTrue();
            assertThat(dns(leaf, "www.example.com.")).isTrue();
            assertThat(dns(leaf, "example.com")).isFalse();
            assertThat(dns(leaf, "www.example.com.evil")).isFalse();
            assertThat(dns(leaf, "ww.example.com")).isFalse();
        }

        @Test
        void aPresentedNameWithATrailingDotOrBadSyntaxNeverMatches() {
            assertThat(dns(cert("CN=leaf").dns("example.com.").build(), "example.com")).isFalse();
            assertThat(dns(cert("CN=leaf").dns("foo_bar.example.com").build(), "foo_bar.example.com")).isFalse();
            assertThat(dns(cert("CN=leaf").dns("-bad.example.com").build(), "-bad.example.com")).isFalse();
            assertThat(dns(cert("CN=leaf").dns("\u00fc.example.com").build(), "xn--tda.example.com")).isFalse();
            assertThat(dns(cert("CN=leaf").dns("xn--tda.example.com").build(), "\u00fc.example.com"))
                    .as("the name asked for must be in A-label form").isFalse();
            assertThat(dns(cert("CN=leaf").dns("xn--tda.example.com").build(), "XN--TDA.example.com")).isTrue();
        }

        @Test
        void aWildcardStandsForExactlyOneLeftMostLabel() {
            X509Certificate leaf = cert("CN=leaf").dns("*.example.com").build();
            assertThat(dns(leaf, "foo.example.com")).isTrue();
            assertThat(dns(leaf, "xn--tda.example.com")).isTrue();
            assertThat(dns(leaf, "example.com")).isFalse();
            assertThat(dns(leaf, "foo.bar.example.com")).isFalse();
            assertThat(dns(leaf, "*.example.com")).as("a wildcard is not a name one connects to").isFalse();
        }

        @Test
        void partialBareAndMisplacedWildcardsMatchNothing() {
            assertThat(dns(cert("CN=leaf").dns("ba*.example.com").build(), "baz.example.com")).isFalse();
            assertThat(dns(cert("CN=leaf").dns("*z.example.com").build(), "baz.example.com")).isFalse();
            assertThat(dns(cert("CN=leaf").dns("foo.*.example.com").build(), "foo.bar.example.com")).isFalse();
            assertThat(dns(cert("CN=leaf").dns("xn--*-1b3c148a.example.com").build(), "xn--bliss-1b3c148a.example.com")).isFalse();
            assertThat(dns(cert("CN=leaf").dns("*.com").build(), "example.com")).isFalse();
            assertThat(dns(cert("CN=leaf").dns("*").build(), "com")).isFalse();
            assertThat(dns(cert("CN=leaf").dns("**.example.com").build(), "a.example.com")).isFalse();
        }

        @Test
        void theCommonNameIsNeverMatched() {
            assertThat(dns(cert("CN=example.com").build(), "example.com")).as("no SAN extension").isFalse();
            assertThat(dns(cert("CN=example.com").ip("192.0.2.1").build(), "example.com")).isFalse();
        }

        @Test
        void anIpAddressIsNotAHostName() {
            assertThat(dns(cert("CN=leaf").dns("192.0.2.1").build(), "192.0.2.1")).isFalse();
            assertThat(dns(cert("CN=leaf").ip("192.0.2.1").build(), "192.0.2.1")).isFalse();
        }

        @Test
        void namesAskedForMustBeWellFormed() {
            X509Certificate leaf = cert("CN=leaf").dns("example.com").build();
            for (String bad : new String[] {"", ".", "example..com", ".example.com", "exa mple.com", "example.com..", "ex*ample.com"}) {
                assertThat(dns(leaf, bad)).as(bad).isFalse();
            }
        }
    }

    @Nested
    class Ip {
        @Test
        void addressesMatchIpEntriesByteForByte() {
            X509Certificate leaf = cert("CN=leaf").ip("192.0.2.1", "2001:db8::1").build();
            assertThat(ip(leaf, "192.0.2.1")).isTrue();
            assertThat(ip(leaf, "2001:DB8:0:0:0:0:0:1")).isTrue();
            assertThat(ip(leaf, "[2001:db8::1]")).isTrue();
            assertThat(ip(leaf, "192.0.2.2")).isFalse();
            assertThat(ip(leaf, "::ffff:192.0.2.1")).as("IPv4-mapped IPv6 is another address").isFalse();
        }

        @Test
        void onlyStrictTextIsAnAddress() {
            X509Certificate leaf = cert("CN=leaf").ip("192.168.1.1").build();
            for (String loose : new String[] {"192.168.001.001", "0xC0A80101", "3232235777", "192.168.1", "192.168.1.1 ",
                    "192.168.1.1%eth0"}) {
                assertThat(ip(leaf, loose)).as(loose).isFalse();
            }
        }

        @Test
        void dnsEntriesHoldingAddressesDoNotCount() {
            assertThat(ip(cert("CN=leaf").dns("8.8.8.8").build(), "8.8.8.8")).isFalse();
            assertThat(ip(cert("CN=8.8.8.8").build(), "8.8.8.8")).isFalse();
        }
    }

    @Nested
    class Email {
        @Test
        void theLocalPartKeepsItsCaseTheDomainDoesNot() {
            X509Certificate leaf = cert("CN=leaf").email("Alice@Example.com").build();
            assertThat(email(leaf, "Alice@example.COM")).isTrue();
            assertThat(email(leaf, "alice@example.com")).isFalse();
            assertThat(email(leaf, "Alice@sub.example.com")).isFalse();
        }

        @Test
        void malformedAddressesNeverMatch() {
            assertThat(email(cert("CN=leaf").email("a@b@example.com").build(), "a@b@example.com")).isFalse();
            assertThat(email(cert("CN=leaf").email("*@example.com").build(), "*@example.com")).isTrue();
            assertThat(email(cert("CN=leaf").email("*@example.com").build(), "user@example.com")).isFalse();
        }
    }

    @Test
    void urisMatchCharacterForCharacter() {
        X509Certificate leaf = cert("CN=leaf").uri("spiffe://example.org/svc").build();
        assertThat(HostnameMatcher.matches(leaf, new SubjectAltName(Type.URI, "spiffe://example.org/svc"))).isTrue();
        assertThat(HostnameMatcher.matches(leaf, new SubjectAltName(Type.URI, "spiffe://example.org/other"))).isFalse();
    }

    @Test
    void anUndecodableExtensionMatchesNothing() {
        X509Certificate leaf = cert("CN=example.com").rawSan(new byte[] {0x30, 0x03, (byte) 0x82, 0x05, 0x41}).build();
        assertThat(dns(leaf, "example.com")).isFalse();
        assertThat(HostnameMatcher.presentedNames(leaf)).isEmpty();
    }

    @Test
    void presentedNamesListTheSansInOrderSafeToPrint() {
        X509Certificate leaf = cert("CN=ignored").dns("a.example", "b\u0000.example").ip("2001:db8:0:0:0:0:0:1")
                .email("me@a.example").uri("https://a.example/").san(TestCerts.otherName()).build();
        assertThat(HostnameMatcher.presentedNames(leaf))
                .containsExactly("a.example", "b\\x00.example", "2001:db8::1", "me@a.example", "https://a.example/");
        assertThat(HostnameMatcher.presentedNames(cert("CN=example.com").build())).isEmpty();
    }

    @Nested
    class CommonNameRule {
        @Test
        void aCommonNameThatCopiesASanIsFine() {
            assertThat(HostnameMatcher.commonNameProblem(cert("CN=www.example.com").dns("example.com", "www.example.com").build())).isEmpty();
            assertThat(HostnameMatcher.commonNameProblem(cert("CN=*.example.com").dns("*.example.com").build())).isEmpty();
            assertThat(HostnameMatcher.commonNameProblem(cert("CN=2001:db8::1").ip("2001:db8::1").build())).isEmpty();
            assertThat(HostnameMatcher.commonNameProblem(cert("O=No Common Name").dns("example.com").build())).isEmpty();
        }

        @Test
        void anyOtherSpellingIsAProblem() {
            for (String[] c : new String[][] {{"Example.COM", "example.com"}, {"notinsan.example.com", "valid.example.com"},
                    {"test-\u6e2c\u8a66.com", "xn--test--wg5h0h.com"}}) {
                assertThat(HostnameMatcher.commonNameProblem(cert("CN=" + c[0]).dns(c[1]).build())).as(c[0]).isPresent();
            }
            for (String[] c : new String[][] {{"192.168.001.001", "192.168.1.1"}, {"0xC0A80101", "192.168.1.1"},
                    {"2001:DB8::1", "2001:db8::1"}, {"2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"}}) {
                assertThat(HostnameMatcher.commonNameProblem(cert("CN=" + c[0]).ip(c[1]).build())).as(c[0]).isPresent();
            }
            assertThat(HostnameMatcher.commonNameProblem(cert("CN=example.com").build())).isPresent();
        }
    }
}
