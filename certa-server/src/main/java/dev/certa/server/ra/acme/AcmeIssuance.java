package dev.certa.server.ra.acme;

import dev.certa.core.issue.IssuanceRequest;
import dev.certa.core.issue.IssuedCertificate;
import java.util.Optional;

/**
 * The one thing the ACME RA may ask of the signer: sign, record and audit what it approved. Wired to
 * the signing service at start-up, so the RA never holds (or imports) what holds the CA key.
 */
@FunctionalInterface
public interface AcmeIssuance {
    /**
     * Signs the certificate of the processing order {@code orderId}, records it and moves the order to valid
     * in one transaction, then audits it. Empty, with nothing recorded, when the order was no longer
     * processing (a sweep failed it meanwhile).
     */
    Optional<IssuedCertificate> issue(IssuanceRequest approved, String requester, String orderId);
}
