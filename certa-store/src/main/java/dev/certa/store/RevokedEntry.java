package dev.certa.store;

import java.math.BigInteger;
import java.time.Instant;

/** One line of a CRL: a revoked serial of one issuer, with when and why. */
public record RevokedEntry(BigInteger serial, Instant revokedAt, int reasonCode) {}
