package dev.certa.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A certificate's revocation.
 *
 * @param revokedAt when it was revoked
 * @param reasonCode RFC 5280 CRLReason code (0 unspecified, 1 keyCompromise, 3 affiliationChanged,
 *     4 superseded, 5 cessationOfOperation, ...)
 * @param revokedBy who revoked it (admin name, holder over mTLS, ACME account)
 */
public record Revocation(Instant revokedAt, int reasonCode, String revokedBy) {
    public Revocation {
        Objects.requireNonNull(revokedAt, "revokedAt");
        Objects.requireNonNull(revokedBy, "revokedBy");
        if (reasonCode < 0 || reasonCode > 10 || reasonCode == 7) {
            throw new IllegalArgumentException("not an RFC 5280 CRLReason code: " + reasonCode);
        }
    }
}
