package dev.certa.store;

import java.time.Instant;
import java.util.Optional;

/**
 * One way to prove an authorization: {@code http-01} or {@code dns-01}, with its random token.
 *
 * @param error an RFC 8555 problem document (JSON) when the validation failed
 */
public record AcmeChallenge(String id, String authorizationId, String type, String token, AcmeStatus status,
        Optional<Instant> validatedAt, Optional<String> error) {}
