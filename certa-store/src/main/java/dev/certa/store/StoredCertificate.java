package dev.certa.store;

import java.util.Objects;
import java.util.Optional;

/** A recorded certificate and, when it has been revoked, its revocation. */
public record StoredCertificate(IssuedCertificateRecord certificate, Optional<Revocation> revocation) {
    public StoredCertificate {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(revocation, "revocation");
    }

    public boolean isRevoked() {
        return revocation.isPresent();
    }
}
