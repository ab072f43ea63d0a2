package dev.certa.store;

import java.time.Instant;
import java.util.List;

/**
 * An ACME authorization: the account's claim to one identifier, proven by any one of its challenges.
 *
 * @param identifier {@code dns:example.com} or {@code ip:192.0.2.1}
 */
public record AcmeAuthorization(String id, String accountId, String identifier, AcmeStatus status, Instant expiresAt,
        Instant createdAt, List<AcmeChallenge> challenges) {
    public AcmeAuthorization {
        challenges = List.copyOf(challenges);
    }
}
