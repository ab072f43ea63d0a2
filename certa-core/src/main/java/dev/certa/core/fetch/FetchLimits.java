package dev.certa.core.fetch;

import java.time.Duration;

/**
 * Bounds on what one validation may fetch.
 *
 * @param totalTime all fetches of the validation together finish within this
 * @param maxFetches at most this many requests
 * @param maxBytes the largest answer read; a longer one is refused
 */
public record FetchLimits(Duration totalTime, int maxFetches, int maxBytes) {
    public FetchLimits {
        if (totalTime.isNegative() || totalTime.isZero() || maxFetches < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("fetch limits must be positive");
        }
    }

    /** For missing intermediates: 5 seconds, 4 fetches, 64 KiB per certificate (a certificate is ~1-2 KiB). */
    public static FetchLimits issuers() {
        return new FetchLimits(Duration.ofSeconds(5), 4, 64 * 1024);
    }

    /**
     * For revocation: 5 seconds, 8 fetches (an OCSP request and a CRL for each of a few certificates),
     * 1 MiB per answer (CRLs of private CAs are small; public CAs shard theirs).
     */
    public static FetchLimits revocation() {
        return new FetchLimits(Duration.ofSeconds(5), 8, 1024 * 1024);
    }
}
