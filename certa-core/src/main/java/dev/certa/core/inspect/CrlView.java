package dev.certa.core.inspect;

import java.time.Instant;
import java.util.Optional;

/**
 * A certificate revocation list: the serial numbers a CA has revoked before their expiry, signed by
 * the CA and reissued on a schedule. {@code thisUpdate} is when it was issued; after
 * {@code nextUpdate} a newer one should exist and clients treat this one as stale.
 *
 * @param revokedCount how many certificates it lists as revoked
 * @param crlNumber the CRL number extension in decimal: it increases with every CRL the CA issues
 * @param stale whether {@code nextUpdate} had passed at the inspection instant
 * @param authorityKeyId the issuing CA's key identifier, colon hex: equals the CA certificate's subjectKeyId
 */
public record CrlView(
        String issuer,
        Instant thisUpdate,
        Optional<Instant> nextUpdate,
        int revokedCount,
        Optional<String> crlNumber,
        String signatureAlgorithm,
        boolean stale,
        Optional<String> authorityKeyId) implements InspectedItem {

    @Override
    public String kind() {
        return "crl";
    }

    @Override
    public String label() {
        return "certificate revocation list";
    }
}
