package dev.certa.server.ra.acme;

import dev.certa.core.issue.IssuanceRequest;
import dev.certa.core.issue.IssuedCertificate;

/**
 * The one thing the ACME RA may ask of the signer: sign, record and audit what it approved. Wired to
 * the signing service at start-up, so the RA never holds (or imports) what holds the CA key.
 */
@FunctionalInterface
public interface AcmeIssuance {
    IssuedCertificate issue(IssuanceRequest approved, String requester);
}
