package dev.certa.store;

/** What {@link CertificateLedger#revoke} did. */
public enum RevokeOutcome {
    /** The certificate was valid and is now revoked. */
    REVOKED,
    /** It was already revoked; the first revocation stands unchanged. */
    ALREADY_REVOKED,
    /** No certificate with that serial was ever recorded. */
    UNKNOWN_SERIAL
}
