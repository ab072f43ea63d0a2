package dev.certa.core.ca;

import java.util.Locale;

/** Where a certificate in the ledger stands at a given instant. */
public enum LedgerStatus {
    VALID, REVOKED, EXPIRED;

    /** As typed on the command line and printed: valid, revoked, expired. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
