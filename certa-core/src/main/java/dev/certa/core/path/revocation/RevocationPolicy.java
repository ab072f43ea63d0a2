package dev.certa.core.path.revocation;

import java.util.List;
import java.util.Optional;

/**
 * Which sources of revocation status to consult, and how strict to be.
 *
 * @param crls CRLs given by the user (files); each is used for the certificates its issuer issued
 * @param fetchCrls also fetch each certificate's CRL from its {@code http://} CRL distribution point
 * @param ocsp ask the OCSP responder named in each certificate's authority information access
 * @param stapledOcsp an OCSP response a TLS server stapled for its own certificate (the leaf)
 * @param requireStatus fail the path when a certificate's status cannot be established (an OCSP
 *     responder that does not answer, no CRL from its issuer); otherwise that is a warning (soft-fail)
 */
public record RevocationPolicy(List<Crl> crls, boolean fetchCrls, boolean ocsp, Optional<byte[]> stapledOcsp, boolean requireStatus) {
    /** No revocation checking. */
    public static final RevocationPolicy NONE = new RevocationPolicy(List.of(), false, false, Optional.empty(), false);

    public RevocationPolicy {
        crls = List.copyOf(crls);
        stapledOcsp = stapledOcsp.map(byte[]::clone);
    }

    /** Check against these CRLs only. */
    public static RevocationPolicy crls(List<Crl> crls) {
        return new RevocationPolicy(crls, false, false, Optional.empty(), false);
    }

    public RevocationPolicy withStapledOcsp(Optional<byte[]> response) {
        return new RevocationPolicy(crls, fetchCrls, ocsp, response, requireStatus);
    }

    @Override
    public Optional<byte[]> stapledOcsp() {
        return stapledOcsp.map(byte[]::clone);
    }

    /** True when the user asked for revocation checking of every certificate (not just a staple that came along). */
    public boolean asked() {
        return !crls.isEmpty() || fetchCrls || ocsp || requireStatus;
    }

    /** True when nothing is to be checked at all. */
    public boolean isEmpty() {
        return !asked() && stapledOcsp.isEmpty();
    }

    /** True when checking needs the network. */
    public boolean fetches() {
        return fetchCrls || ocsp;
    }
}
