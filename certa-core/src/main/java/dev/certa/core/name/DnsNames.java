package dev.certa.core.name;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import java.util.Locale;
import java.util.Optional;

/** Syntax rules for DNS names in certificates (RFC 1034 preferred syntax, RFC 5280, RFC 6125 wildcards). */
public final class DnsNames {
    private DnsNames() {}

    /**
     * Lower-cases, converts Unicode to punycode, drops one trailing dot and checks the syntax of a
     * name typed by a person; throws {@link ErrorKind#BAD_NAME} explaining what is wrong.
     */
    public static String normalize(String raw) {
        String t = raw.trim();
        if (t.endsWith(".") && t.length() > 1) {
            t = t.substring(0, t.length() - 1);
        }
        String ascii;
        try {
            ascii = SubjectAltName.toAscii(t).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new CertaException(ErrorKind.BAD_NAME, "'" + raw + "' is not a valid DNS name (" + e.getMessage() + ")",
                    "write a host name such as www.example.com");
        }
        problem(ascii).ifPresent(p -> {
            throw new CertaException(ErrorKind.BAD_NAME, "'" + raw + "' is not a valid DNS name: " + p,
                    "write a host name such as www.example.com, or *.example.com for a wildcard");
        });
        return ascii;
    }

    /** What is wrong with a DNS name as it would appear in a certificate, or empty if nothing. */
    public static Optional<String> problem(String name) {
        if (name.isEmpty()) {
            return Optional.of("it is empty");
        }
        if (name.length() > 253) {
            return Optional.of("it is longer than 253 characters");
        }
        if (IpAddresses.isLiteral(name)) {
            return Optional.of("it is an IP address, which must be given as an IP name (ip:" + name + "), not a DNS name");
        }
        String[] labels = name.split("\\.", -1);
        for (int i = 0; i < labels.length; i++) {
            String l = labels[i];
            if (l.isEmpty()) {
                return Optional.of("it has an empty label (two dots in a row, or a leading or trailing dot)");
            }
            if (l.length() > 63) {
                return Optional.of("the label '" + l + "' is longer than 63 characters");
            }
            if (l.equals("*") && i == 0) {
                continue;
            }
            if (l.contains("*")) {
                return Optional.of(i == 0
                        ? "a wildcard must be the whole left-most label ('*.example.com'), not part of '" + l + "'"
                        : "a wildcard is only allowed in the left-most label");
            }
            for (int k = 0; k < l.length(); k++) {
                char c = l.charAt(k);
                boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                        || c == '_';
                if (!ok) {
                    return Optional.of("the character '" + c + "' is not allowed in a host name");
                }
            }
            if (l.startsWith("-") || l.endsWith("-")) {
                return Optional.of("the label '" + l + "' starts or ends with a hyphen");
            }
        }
        String last = labels[labels.length - 1];
        if (last.chars().allMatch(c -> c >= '0' && c <= '9')) {
            // RFC 3696 section 2: top-level domains are never all-numeric; such a name is usually a mistyped IP
            return Optional.of("the last label '" + last + "' is all digits, which no host name has"
                    + " (if this is meant as an IP address, it is not a valid one)");
        }
        if (labels[0].equals("*") && labels.length < 3) {
            return Optional.of("a wildcard needs at least two labels after it ('*.example.com', not '" + name + "')");
        }
        return Optional.empty();
    }

    /** True for '*.example.com'. */
    public static boolean isWildcard(String name) {
        return name.startsWith("*.");
    }
}
