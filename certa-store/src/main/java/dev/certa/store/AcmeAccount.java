package dev.certa.store;

import java.time.Instant;
import java.util.List;

/**
 * An ACME account: a public key (as a JSON Web Key) that signs every request of its holder.
 *
 * @param id the account's id, the last segment of its URL
 * @param keyThumbprint the RFC 7638 SHA-256 thumbprint of the key, base64url: one account per key
 * @param jwk the public key as JSON
 * @param contacts {@code mailto:} URLs
 */
public record AcmeAccount(String id, String keyThumbprint, String jwk, List<String> contacts, AcmeStatus status,
        Instant createdAt) {
    public AcmeAccount {
        contacts = List.copyOf(contacts);
    }

    public AcmeAccount with(List<String> newContacts, AcmeStatus newStatus) {
        return new AcmeAccount(id, keyThumbprint, jwk, newContacts, newStatus, createdAt);
    }
}
