package dev.certa.store;

import java.util.Locale;

/** The statuses RFC 8555 gives accounts, orders, authorizations and challenges (section 7.1.6). */
public enum AcmeStatus {
    PENDING, READY, PROCESSING, VALID, INVALID, DEACTIVATED, EXPIRED, REVOKED;

    /** The word as it appears in ACME's JSON and in the store: {@code pending}, {@code valid}, ... */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AcmeStatus ofWord(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
