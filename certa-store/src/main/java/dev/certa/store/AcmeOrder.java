package dev.certa.store;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An ACME order as stored. The status kept here moves {@code pending → processing → valid} (or
 * {@code invalid}); {@code ready} and expiry follow from the authorizations and the clock, so the
 * registration authority derives them when it reads the order.
 *
 * @param identifiers {@code dns:example.com} or {@code ip:192.0.2.1}, as asked
 * @param authorizationIds one per identifier, in the same order
 * @param error an RFC 8555 problem document (JSON) once the order is invalid
 * @param profile the name of the ACME profile the certificate is issued under (as the directory lists it)
 * @param replaces the ARI certificate id ({@code keyIdentifier.serial}, RFC 9773) of the certificate this
 *     order replaces, if any
 * @param notAfter the end of validity the client asked for, if it did
 */
public record AcmeOrder(String id, String accountId, AcmeStatus status, List<String> identifiers,
        List<String> authorizationIds, Instant expiresAt, Optional<String> error, Optional<BigInteger> certificateSerial,
        Instant createdAt, String profile, Optional<String> replaces, Optional<Instant> notAfter) {
    public AcmeOrder {
        identifiers = List.copyOf(identifiers);
        authorizationIds = List.copyOf(authorizationIds);
    }
}
