package dev.certa.store;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every certificate the CA issued, and its revocation state. The CA calls {@link #record} after signing
 * and before returning the certificate to anyone: when {@code record} returns, the row is durable
 * (committed), so a crash after that point never loses a certificate a client received. Serials are
 * unique by constraint: recording a serial twice fails with {@link DuplicateSerialException} and the
 * certificate must then be discarded, never returned.
 *
 * <p>Implementations may group concurrent {@code record} calls into one transaction (group commit)
 * for throughput; each call still returns only once its own row is committed.
 */
public interface CertificateLedger {

    /** Records one issued certificate durably. */
    void record(IssuedCertificateRecord certificate) throws DuplicateSerialException;

    /**
     * Records a certificate and marks the one-time token that authorised it used, in one transaction
     * (one disk flush for both). Returns {@code false}, recording nothing, when the token was already
     * used on any node: the certificate must then be discarded, never returned.
     *
     * @throws DuplicateSerialException when the serial is already recorded (the token is then used up)
     */
    boolean recordWithToken(IssuedCertificateRecord certificate, String provisioner, String tokenId, Instant tokenExpiresAt)
            throws DuplicateSerialException;

    Optional<StoredCertificate> find(BigInteger serial);

    List<StoredCertificate> search(CertificateQuery query);

    /**
     * Revokes a certificate. Idempotent: revoking again keeps the first time and reason. Every
     * revocation increments {@link #revocationVersion()} in the same transaction.
     */
    RevokeOutcome revoke(BigInteger serial, Revocation revocation);

    /** Every revoked certificate of one issuer whose notAfter is at or after {@code notAfterFrom} (for a CRL). */
    List<RevokedEntry> revokedBy(String issuerId, Instant notAfterFrom);

    /**
     * A number that grows with every revocation on any node sharing this database; nodes compare it to
     * decide when cached OCSP responses and CRLs are stale.
     */
    long revocationVersion();

    /** How many certificates are recorded. */
    long count();
}
