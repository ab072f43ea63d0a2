package dev.certa.core.inspect;

import java.time.Instant;

/**
 * Whether a certificate is within its validity period at a given instant. A certificate is valid
 * from {@code notBefore} through {@code notAfter}, both inclusive (RFC 5280 §4.1.2.5); outside that
 * window every client rejects it, however good the rest of the chain.
 */
public enum ValidityStatus {
    VALID, EXPIRED, NOT_YET_VALID;

    public static ValidityStatus at(Instant now, Instant notBefore, Instant notAfter) {
        if (now.isBefore(notBefore)) {
            return NOT_YET_VALID;
        }
        return now.isAfter(notAfter) ? EXPIRED : VALID;
    }
}
