package dev.certa.core.path;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The text forms behind the matching rules: IP text, mailboxes, URI hosts, host names. */
class NameSyntaxTest {

    private static String hex(String ip) {
        return IpText.parse(ip).map(HexFormat.of()::formatHex).orElse("none");
    }

    @Test
    void ipTextIsParsedStrictly() {
        assertThat(hex("192.0.2.1")).isEqualTo("c0000201");
        assertThat(hex("0.0.0.0")).isEqualTo("00000000");
        assertThat(hex("::")).isEqualTo("0".repeat(32));
        assertThat(hex("::1")).isEqualTo("0".repeat(31) + "1");
        assertThat(hex("2001:db8::")).isEqualTo("20010db8" + "0".repeat(24));
        assertThat(hex("::ffff:192.0.2.1")).isEqualTo("00000000000000000000ffffc0000201");
        assertThat(hex("1:2:3:4:5:6:7:8")).isEqualTo("00010002000300040005000600070008");
        for (String bad : new String[] {"", "1.2.3", "1.2.3.4.5", "256.0.0.1", "01.2.3.4", "1.2.3.4.", "0x7f.0.0.1", " 1.2.3.4",
                ":::", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::", "::g", "fe80::1%eth0", ":1::", "1::2:", "::1.2.3",
                "1.2.3.4::", "1:2:3:4:5:6:7::8"}) {
            assertThat(IpText.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void ipAddressesAreFormattedAsRfc5952Says() {
        assertThat(IpText.format(IpText.parse("2001:0db8:0000:0000:0000:0000:0000:0001").orElseThrow())).isEqualTo("2001:db8::1");
        assertThat(IpText.format(IpText.parse("2001:db8:0:0:1:0:0:1").orElseThrow())).isEqualTo("2001:db8::1:0:0:1");
        assertThat(IpText.format(IpText.parse("2001:db8:0:1:1:1:1:1").orElseThrow())).isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(IpText.format(IpText.parse("::").orElseThrow())).isEqualTo("::");
        assertThat(IpText.format(IpText.parse("1::").orElseThrow())).isEqualTo("1::");
        assertThat(IpText.format(new byte[] {1, 2, 3})).isEqualTo("<3 bytes: 010203>");
        assertThat(IpText.prefixLength(new byte[] {(byte) 255, (byte) 240, 0, 0})).isEqualTo(12);
        assertThat(IpText.prefixLength(new byte[] {(byte) 255, 0, 1, 0})).isEqualTo(-1);
    }

    @Test
    void mailboxes() {
        assertThat(Mailbox.parse("Alice.B+tag@Example.COM")).contains(new Mailbox("Alice.B+tag", "example.com"));
        assertThat(Mailbox.parse("\"a@b\"@example.com")).contains(new Mailbox("\"a@b\"", "example.com"));
        assertThat(Mailbox.parse("*@example.com")).contains(new Mailbox("*", "example.com"));
        for (String bad : new String[] {"example.com", "@example.com", "a@", "a@b@example.com", "a..b@example.com",
                ".a@example.com", "a b@example.com", "\u00e4@example.com", "a@exa mple.com", "a@[192.0.2.1]", "\"a@example.com"}) {
            assertThat(Mailbox.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void uriHosts() {
        assertThat(UriHosts.host("https://Example.COM/path")).contains("example.com");
        assertThat(UriHosts.host("spiffe://example.org")).contains("example.org");
        assertThat(UriHosts.host("https://user:pw@example.com:8443/x?y#z")).contains("example.com");
        assertThat(UriHosts.host("https://example.com:/")).contains("example.com");
        for (String none : new String[] {"example.com", "urn:example:a", "mailto:a@example.com", "https://192.0.2.1/",
                "https://[2001:db8::1]/", "https://a@b@example.com/", "https://%65xample.com/", "https:///path",
                "https://example.com:80x/", "1https://example.com/", "https://exa mple.com/", "https://example.com./"}) {
            assertThat(UriHosts.host(none)).as(none).isEmpty();
        }
    }

    @Test
    void hostNamesForConstraintsAndForMatching() {
        assertThat(NameMatching.checkableDnsName("Foo_Bar.Example.com", false)).contains("foo_bar.example.com");
        assertThat(NameMatching.checkableDnsName("*.example.com", true)).contains("*.example.com");
        assertThat(NameMatching.checkableDnsName("*.example.com", false)).isEmpty();
        assertThat(NameMatching.checkableDnsName("*", true)).isEmpty();
        assertThat(NameMatching.checkableDnsName("a." + "b".repeat(64), false)).isEmpty();
        assertThat(HostnameMatcher.preferredSyntax("foo_bar.example.com", false)).isFalse();
        assertThat(HostnameMatcher.preferredSyntax("example.123", false)).isFalse();
        assertThat(HostnameMatcher.preferredSyntax("123.example", false)).isTrue();
        assertThat(HostnameMatcher.preferredSyntax("*.example.com", true)).isTrue();
        assertThat(HostnameMatcher.preferredSyntax("*.com", true)).isFalse();
    }

    @Test
    void messagesEscapeWhatCannotBePrinted() {
        assertThat(NameMatching.printable("a\u0000b\u00fc\u202e")).isEqualTo("a\\x00b\\xfc\\u202e");
    }
}
