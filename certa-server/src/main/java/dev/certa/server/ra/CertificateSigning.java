package dev.certa.server.ra;

import dev.certa.core.issue.IssuanceRequest;
import dev.certa.core.issue.IssuedCertificate;
import java.util.Optional;

/**
 * The one thing the RA may ask of the signer: sign, record and audit what it approved. Wired to the
 * signing service at start-up, so neither the RA nor the front ends hold (or import) what holds the CA key.
 */
@FunctionalInterface
public interface CertificateSigning {
    /**
     * Signs, records and audits one certificate; with a token, marks it used in the same transaction.
     *
     * @param requester who asked, as recorded ({@code provisioner:ops/api.internal}, {@code mtls:<serial>})
     * @param action {@code issue} or {@code renew}, for the audit log
     * @return the certificate, or empty when the token was used before (on any node): nothing was recorded
     */
    Optional<IssuedCertificate> issue(IssuanceRequest approved, String requester, String action, Optional<VerifiedToken> token);
}
