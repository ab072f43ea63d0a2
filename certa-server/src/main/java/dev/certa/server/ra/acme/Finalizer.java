package dev.certa.server.ra.acme;

import dev.certa.core.csr.Csr;
import dev.certa.core.error.CertaException;
import dev.certa.core.issue.IssuanceRequest;
import dev.certa.core.issue.IssuedCertificate;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.name.SubjectAltName;
import dev.certa.core.profile.Profile;
import dev.certa.server.ra.AuthorizedSubject;
import dev.certa.server.ra.CsrChecks;
import dev.certa.store.AcmeOrder;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finalization's two steps, shared with the signing API's rules: accepting an order's CSR, cheapest
 * check first — parsed, its key judged by size, exponent and curve ({@code badPublicKey}), its names
 * (SANs and CN exactly the order's identifiers), a key other than the account's, and only then its
 * signature (under the server's bound on expensive work, {@link CsrChecks}) — and issuing for it. The
 * certificate's subject and SANs come from the order's identifiers only ({@link AuthorizedSubject}): the
 * CSR gives its key and nothing else.
 */
public final class Finalizer {
    private final AcmeIssuance issuance;
    private final CsrChecks csrs;

    public Finalizer(AcmeIssuance issuance, CsrChecks csrs) {
        this.issuance = issuance;
        this.csrs = csrs;
    }

    /** The order's CSR, checked; {@code badCSR} or {@code badPublicKey} saying what is wrong. */
    Csr accepted(byte[] der, AcmeOrder order, PublicKey accountKey) {
        Csr csr;
        try {
            csr = Csr.fromDer(der, "the CSR");
        } catch (CertaException e) {
            throw new AcmeException(AcmeError.BAD_CSR, e.reason());
        }
        csrs.keyRefusal(csr).ifPresent(why -> {
            throw new AcmeException(AcmeError.BAD_PUBLIC_KEY, why);
        });
        boolean sameKey;
        try {
            checkNames(order, csr);
            sameKey = Arrays.equals(csr.publicKey().getEncoded(), accountKey.getEncoded());
        } catch (CertaException e) {
            throw new AcmeException(AcmeError.BAD_CSR, e.reason());
        }
        if (sameKey) {
            throw new AcmeException(AcmeError.BAD_CSR, "the CSR's key is the account key; use a separate key for the certificate");
        }
        if (!csrs.signatureValid(csr, () -> AcmeException.rateLimited("the CA is checking too many CSRs at once; retry in a second",
                CsrChecks.RETRY_AFTER))) {
            throw new AcmeException(AcmeError.BAD_CSR, "the CSR: the CSR's signature does not verify (it was altered, or signed with "
                    + "another key); create the CSR again from the private key that belongs with it");
        }
        return csr;
    }

    /**
     * Issues for the CSR's key, with the order's identifiers as the only names and subject, recorded with
     * the order's move to valid (empty when the order was no longer processing; see {@link AcmeIssuance}).
     */
    Optional<IssuedCertificate> issue(List<SubjectAltName> names, Csr csr, Profile profile, Duration validity, String requester,
            String orderId) {
        IssuanceRequest request = new IssuanceRequest(csr.publicKeyInfo(), AuthorizedSubject.of(names), names, profile,
                Optional.of(validity), Optional.empty());
        return issuance.issue(request, requester, orderId);
    }

    private static void checkNames(AcmeOrder order, Csr csr) {
        List<SubjectAltName> identifiers = order.identifiers().stream().map(Identifiers::san).toList();
        Set<String> want = new TreeSet<>(order.identifiers());
        AuthorizedSubject.foreignCommonName(csr.subject(), identifiers).ifPresent(cn -> {
            throw new AcmeException(AcmeError.BAD_CSR, "the CSR's subject CN " + AuthorizedSubject.quoted(cn)
                    + " is not among the order's identifiers (" + String.join(", ", want) + "); make the CSR with one of them as "
                    + "its CN, or with no CN");
        });
        Set<String> got = new TreeSet<>();
        csr.subjectAltNames().forEach(n -> got.add(Identifiers.of(n)));
        DistinguishedNames.commonNameOf(csr.subject()).ifPresent(cn -> got.add(Identifiers.of(SubjectAltName.parse(cn))));
        if (!got.equals(want)) {
            throw new AcmeException(AcmeError.BAD_CSR, "the CSR names " + (got.isEmpty() ? "nothing" : String.join(", ", got))
                    + " but the order is for exactly " + String.join(", ", want) + "; make a CSR for the order's identifiers");
        }
    }
}
