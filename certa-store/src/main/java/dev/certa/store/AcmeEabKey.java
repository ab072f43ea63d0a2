package dev.certa.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An External Account Binding key (RFC 8555 section 7.3.4): a MAC key an admin hands a subscriber out of
 * band, so that only those who got one can create ACME accounts. The first account created with it is
 * bound to it for good.
 *
 * @param keyId the key identifier the client sends as the inner JWS's {@code kid}
 * @param hmacKey the MAC key (a secret: {@link #toString()} leaves it out)
 * @param label what the admin said the key is for
 * @param accountId the account it bound, once used
 * @param revokedAt when an admin revoked it, if so: a revoked key binds no account
 */
public record AcmeEabKey(String keyId, byte[] hmacKey, String label, Instant createdAt, Optional<String> accountId,
        Optional<Instant> boundAt, Optional<Instant> revokedAt) {
    public AcmeEabKey {
        Objects.requireNonNull(keyId, "keyId");
        hmacKey = hmacKey.clone();
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(boundAt, "boundAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    @Override
    public byte[] hmacKey() {
        return hmacKey.clone();
    }

    @Override
    public String toString() {
        return "AcmeEabKey[keyId=" + keyId + ", label=" + label + ", createdAt=" + createdAt + ", accountId=" + accountId
                + ", revokedAt=" + revokedAt + ", hmacKey=(not shown)]";
    }
}
