package dev.certa.core.revocation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A certificate's revocation status as an OCSP response states it (RFC 6960 2.2): {@link Good} (the
 * responder knows the certificate and it is not revoked), {@link Revoked} (with time and reason) or
 * {@link Unknown} (the responder does not know the serial number).
 */
public sealed interface CertStatus permits CertStatus.Good, CertStatus.Revoked, CertStatus.Unknown {

    static CertStatus good() {
        return Good.INSTANCE;
    }

    static CertStatus unknown() {
        return Unknown.INSTANCE;
    }

    static CertStatus revoked(Instant revokedAt, RevocationReason reason) {
        return new Revoked(revokedAt, reason);
    }

    /** The status of a certificate on a CA's revocation list. */
    static CertStatus of(RevokedCertificate entry) {
        return new Revoked(entry.revokedAt(), entry.reason());
    }

    record Good() implements CertStatus {
        static final Good INSTANCE = new Good();
    }

    /** @param revokedAt kept to whole seconds, as OCSP carries it */
    record Revoked(Instant revokedAt, RevocationReason reason) implements CertStatus {
        public Revoked {
            revokedAt = revokedAt.truncatedTo(ChronoUnit.SECONDS);
        }
    }

    record Unknown() implements CertStatus {
        static final Unknown INSTANCE = new Unknown();
    }
}
