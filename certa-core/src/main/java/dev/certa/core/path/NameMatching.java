package dev.certa.core.path;

import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.jspecify.annotations.NullMarked;

/**
 * How a name falls inside or outside a name-constraint subtree (RFC 5280 §4.2.1.10). The rules, each
 * case-insensitive where DNS is involved:
 *
 * <ul>
 *   <li><b>DNS</b>: a subtree "example.com" holds example.com and every name made by adding labels on the
 *       left (www.example.com), compared label by label, so "badexample.com" is outside. The empty
 *       constraint holds every DNS name. A wildcard "*.example.com" stands for every name with one more
 *       label: it is <em>within</em> a subtree only if all those names are, and <em>touches</em> a
 *       subtree if any of them is in it (so "*.example.com" touches "bad.example.com").</li>
 *   <li><b>IP</b>: the address, masked, equals the constraint's network; IPv4 never matches IPv6.</li>
 *   <li><b>Directory names</b>: the constraint's RDNs are a prefix of the name's, each compared as RFC 5280
 *       §7.1 asks (case and space insensitive for strings).</li>
 * </ul>
 *
 * Email and URI rules live with their constraint ({@link Constraint}). Syntax checks here are those that
 * make label-wise matching meaningful; they are not the stricter rules for names a client connects to
 * ({@link HostnameMatcher}).
 */
@NullMarked
final class NameMatching {
    static final int MAX_NAME = 253;
    static final int MAX_LABEL = 63;

    private NameMatching() {}

    /**
     * The lower-cased name if it can be compared label by label: ASCII letters, digits, '-' and '_', labels
     * of 1 to 63 characters, at most 253 characters, no trailing dot; with {@code wildcardAllowed}, "*" may
     * be the whole left-most label of a name with at least one more label. Empty otherwise.
     */
    static Optional<String> checkableDnsName(String raw, boolean wildcardAllowed) {
        if (raw.isEmpty() || raw.length() > MAX_NAME) {
            return Optional.empty();
        }
        String[] labels = raw.split("\\.", -1);
        for (int i = 0; i < labels.length; i++) {
            String label = labels[i];
            if (label.isEmpty() || label.length() > MAX_LABEL) {
                return Optional.empty();
            }
            if (i == 0 && wildcardAllowed && label.equals("*") && labels.length > 1) {
                continue;
            }
            for (int k = 0; k < label.length(); k++) {
                char c = label.charAt(k);
                if (!(isLetterOrDigit(c) || c == '-' || c == '_')) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(raw.toLowerCase(Locale.ROOT));
    }

    static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    static boolean isWildcard(String name) {
        return name.startsWith("*.");
    }

    /** {@code name} (no wildcard, lower case) is {@code base} or below it; the empty base holds every name. */
    static boolean inDnsSubtree(String name, String base) {
        return base.isEmpty() || name.equals(base) || name.endsWith("." + base);
    }

    /** Every name {@code name} stands for (one for a plain name, many for a wildcard) is in the subtree. */
    static boolean dnsAllWithin(String name, String base) {
        return inDnsSubtree(isWildcard(name) ? name.substring(2) : name, base);
    }

    /** At least one name {@code name} stands for is in the subtree. */
    static boolean dnsAnyWithin(String name, String base) {
        if (!isWildcard(name)) {
            return inDnsSubtree(name, base);
        }
        String rest = name.substring(2);
        if (inDnsSubtree(rest, base)) {
            return true;
        }
        // the wildcard label can take the value of the base's left-most label: "*.example.com" vs "bad.example.com"
        int dot = base.indexOf('.');
        return dot > 0 && base.substring(dot + 1).equals(rest);
    }

    /** {@code address & mask == network & mask}; addresses of different lengths never match. */
    static boolean ipWithin(byte[] address, byte[] network, byte[] mask) {
        if (address.length != network.length || mask.length != network.length) {
            return false;
        }
        for (int i = 0; i < address.length; i++) {
            if ((address[i] & mask[i]) != (network[i] & mask[i])) {
                return false;
            }
        }
        return true;
    }

    /** The base's RDNs begin {@code name}'s RDN sequence (the empty base holds every name). */
    static boolean dnWithin(X500Name name, X500Name base) {
        RDN[] n = name.getRDNs();
        RDN[] b = base.getRDNs();
        if (b.length > n.length) {
            return false;
        }
        for (int i = 0; i < b.length; i++) {
            if (!rdnEqual(n[i], b[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * RFC 5280's comparison of two RDNs; when a value cannot be read as a string (a UTF8String that is not
     * UTF-8), only identical encodings are equal.
     */
    private static boolean rdnEqual(RDN a, RDN b) {
        try {
            return IETFUtils.rDNAreEqual(a, b);
        } catch (RuntimeException e) {
            try {
                return java.util.Arrays.equals(a.getEncoded(), b.getEncoded());
            } catch (java.io.IOException io) {
                return false;
            }
        }
    }

    /** Text for messages: anything outside printable ASCII is escaped, so a name cannot hide characters. */
    static String printable(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                sb.append(c);
            } else if (c < 0x100) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb.toString();
    }
}
