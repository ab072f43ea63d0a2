package dev.certa.core.revocation;

import dev.certa.core.error.CertaException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One revoked certificate as a CA records it: its serial number, when it was revoked and why. A CRL
 * lists these; an OCSP responder answers {@link CertStatus.Revoked} with the same time and reason.
 *
 * @param revokedAt kept to whole seconds, the precision both CRLs and OCSP carry
 */
public record RevokedCertificate(BigInteger serial, Instant revokedAt, RevocationReason reason) {

    public RevokedCertificate {
        if (serial.signum() <= 0) {
            throw CertaException.badInput("serial number " + serial + " is not positive",
                    "give the serial of a certificate this CA issued");
        }
        revokedAt = revokedAt.truncatedTo(ChronoUnit.SECONDS);
    }
}
