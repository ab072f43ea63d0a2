package dev.certa.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A challenge whose validation started long ago and has not ended: the node validating it may have died.
 *
 * @param processingSince when its validation last started; empty if before certa recorded that
 */
public record AcmeStalledChallenge(String challengeId, Optional<Instant> processingSince) {}
