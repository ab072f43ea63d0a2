package dev.certa.core.path;

import java.util.Optional;
import org.jspecify.annotations.NullMarked;

/**
 * The host of a URI (RFC 3986 §3.2.2), the part a URI name constraint applies to (RFC 5280
 * §4.2.1.10). Only a registered name counts: a URI without an authority ("urn:…", "mailto:…", a bare
 * "test.example"), with an IP-literal host, a percent-encoded host or a malformed authority has no host
 * that a URI constraint could be checked against.
 */
@NullMarked
final class UriHosts {
    private UriHosts() {}

    /** The lower-cased host name of {@code uri}, or empty if it has none that can be checked. */
    static Optional<String> host(String uri) {
        if (uri.isEmpty() || !uri.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return Optional.empty();
        }
        int colon = uri.indexOf(':');
        if (colon <= 0 || !isScheme(uri.substring(0, colon)) || !uri.startsWith("//", colon + 1)) {
            return Optional.empty();
        }
        String rest = uri.substring(colon + 3);
        int end = rest.length();
        for (char stop : new char[] {'/', '?', '#'}) {
            int i = rest.indexOf(stop);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String authority = rest.substring(0, end);
        int at = authority.lastIndexOf('@');
        if (at >= 0 && authority.indexOf('@') != at) {
            return Optional.empty();
        }
        String hostPort = authority.substring(at + 1);
        if (hostPort.startsWith("[")) {
            return Optional.empty();
        }
        int portColon = hostPort.indexOf(':');
        String host = portColon >= 0 ? hostPort.substring(0, portColon) : hostPort;
        if (portColon >= 0 && !hostPort.substring(portColon + 1).chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        if (IpText.v4(host).isPresent()) {
            return Optional.empty();
        }
        return NameMatching.checkableDnsName(host, false);
    }

    private static boolean isScheme(String s) {
        if (!Character.isLetter(s.charAt(0)) || s.charAt(0) > 0x7f) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(NameMatching.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }
}
