package dev.certa.core.revocation;

import java.time.Duration;

/**
 * How far apart two honest clocks may be, for revocation times. A relying party's clock and the CA's differ;
 * a CRL or OCSP response signed a moment ago by a CA whose clock runs a little ahead must not read as "issued
 * in the future". So a verifier accepts a {@code thisUpdate} up to this much after its own instant (and a
 * {@code nextUpdate} up to this much before it), and certa's own CRLs carry a {@code thisUpdate} this much
 * before the moment they are signed, as OCSP responders commonly pre-date their answers.
 */
public final class ClockSkew {
    /** Five minutes: what certa allows on CRL and OCSP times, and how far it backdates its CRLs' thisUpdate. */
    public static final Duration REVOCATION_TIMES = Duration.ofMinutes(5);

    private ClockSkew() {}
}
