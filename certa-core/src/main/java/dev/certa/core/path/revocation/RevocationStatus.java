package dev.certa.core.path.revocation;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What was learnt about one certificate on the path.
 *
 * @param position its place on the path (0 = leaf)
 * @param subject its subject, RFC 4514 text
 * @param serial its serial number, as CRLs and OCSP name it
 * @param revokedAt when revoked: the revocation time its issuer gives
 * @param reason when revoked and the issuer gave one: the RFC 5280 reason ("keyCompromise")
 * @param sources what was consulted and what each said, in plain words
 */
public record RevocationStatus(int position, String subject, BigInteger serial, State state, Optional<Instant> revokedAt,
        Optional<String> reason, List<String> sources) {

    /** The outcome for one certificate. */
    public enum State {
        /** A usable CRL or OCSP answer from its issuer says it is not revoked. */
        GOOD,
        /** Revoked by its issuer. */
        REVOKED,
        /** A CRL from its issuer could not be used (bad signature, stale…): the path fails closed. */
        UNUSABLE,
        /** No source could say (responder unreachable, no CRL from its issuer, OCSP "unknown"). */
        UNKNOWN
    }

    public RevocationStatus {
        Objects.requireNonNull(subject);
        Objects.requireNonNull(serial);
        Objects.requireNonNull(state);
        Objects.requireNonNull(revokedAt);
        Objects.requireNonNull(reason);
        sources = List.copyOf(sources);
    }

    /** The serial as CRLs print it: upper-case hex, e.g. 5CB9293C62. */
    public String serialHex() {
        return serial.toString(16).toUpperCase(java.util.Locale.ROOT);
    }
}
