package dev.certa.server.signing;

import java.time.Instant;

/** A one-time token's identity, marked used in the same transaction that records its certificate. */
public record OneTimeToken(String provisioner, String tokenId, Instant expiresAt) {}
