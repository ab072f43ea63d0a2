package dev.certa.store;

import java.time.Instant;

/** One-time token ids ({@code jti}), shared by every node, so a token works once across the cluster. */
public interface TokenLedger {

    /**
     * Marks a token id used. Returns {@code true} the first time for that (provisioner, id) on any
     * node, {@code false} every time after.
     *
     * @param expiresAt when the token expires; the entry may be purged after that
     */
    boolean markUsed(String provisioner, String tokenId, Instant expiresAt);

    /** Deletes entries of tokens that expired before {@code now}; returns how many. */
    int purgeExpired(Instant now);
}
