package dev.certa.core.ca;

import dev.certa.core.revocation.RevocationReason;
import dev.certa.core.revocation.RevokedCertificate;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A revocation in the ledger: which certificate (serial, and the key of the CA that issued it, so
 * the right CA's CRL lists it), when and why. The first revocation of a serial stands.
 *
 * @param issuerKey {@link LedgerCertificate#keyId} of the issuing CA's certificate
 */
public record LedgerRevocation(BigInteger serial, String issuerKey, Instant revokedAt, RevocationReason reason)
        implements LedgerRecord {

    public LedgerRevocation {
        revokedAt = revokedAt.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The entry a CRL lists for it. */
    public RevokedCertificate toCrlEntry() {
        return new RevokedCertificate(serial, revokedAt, reason);
    }
}
