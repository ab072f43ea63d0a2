package dev.certa.core.path;

import java.util.Optional;
import org.jspecify.annotations.NullMarked;

/**
 * An email address as an rfc822Name holds it (RFC 5280 §4.2.1.6: an RFC 5322 addr-spec): a local part
 * that is a dot-atom or a quoted string, '@', and a host name. The local part is kept exactly (it is
 * case-sensitive); the domain is lower-cased. Every character is literal: "*@example.com" is the mailbox
 * named "*", not a pattern.
 */
@NullMarked
record Mailbox(String local, String domain) {
    private static final String ATEXT_SYMBOLS = "!#$%&'*+-/=?^_`{|}~";
    private static final int MAX_LOCAL = 64;

    /** The mailbox, or empty if {@code text} is not a well-formed address (two '@', no domain, non-ASCII…). */
    static Optional<Mailbox> parse(String text) {
        int at;
        if (text.startsWith("\"")) {
            int close = closingQuote(text);
            if (close < 0 || close + 1 >= text.length() || text.charAt(close + 1) != '@') {
                return Optional.empty();
            }
            at = close + 1;
        } else {
            at = text.indexOf('@');
            if (at <= 0 || !isDotAtom(text.substring(0, at))) {
                return Optional.empty();
            }
        }
        if (at > MAX_LOCAL) {
            return Optional.empty();
        }
        return NameMatching.checkableDnsName(text.substring(at + 1), false)
                .map(domain -> new Mailbox(text.substring(0, at), domain));
    }

    private static boolean isDotAtom(String s) {
        if (s.isEmpty() || s.startsWith(".") || s.endsWith(".") || s.contains("..")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(NameMatching.isLetterOrDigit(c) || c == '.' || ATEXT_SYMBOLS.indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    /** Index of the quote closing a quoted local part, or -1; inside, printable ASCII and backslash escapes. */
    private static int closingQuote(String s) {
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return -1;
            }
            if (c == '\\') {
                i++;
                if (i >= s.length() || s.charAt(i) < 0x20 || s.charAt(i) > 0x7e) {
                    return -1;
                }
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return local + "@" + domain;
    }
}
