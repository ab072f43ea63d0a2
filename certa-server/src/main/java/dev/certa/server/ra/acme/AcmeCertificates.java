package dev.certa.server.ra.acme;

import dev.certa.server.revocation.RevocationService;
import dev.certa.store.AcmeAccount;
import dev.certa.store.AcmeLedger;
import dev.certa.store.AcmeStatus;
import dev.certa.store.CertificateLedger;
import dev.certa.store.RevokeOutcome;
import dev.certa.store.StoredCertificate;
import java.math.BigInteger;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Certificates of ACME orders: downloaded with the issuing chain, and revoked (revokeCert) by the
 * account that ordered them, through the same revocation as the signing API's, so CRL and OCSP learn
 * of it at once.
 */
public final class AcmeCertificates {
    private final AcmeLedger ledger;
    private final CertificateLedger certificates;
    private final RevocationService revocation;
    private final List<X509Certificate> issuerChain;
    private final List<X509Certificate> roots;

    /**
     * @param issuerChain the certificates above a leaf, sent after it (the issuing CA first, no root)
     * @param roots the root(s) the alternate chain ends with
     */
    public AcmeCertificates(AcmeLedger ledger, CertificateLedger certificates, RevocationService revocation,
            List<X509Certificate> issuerChain, List<X509Certificate> roots) {
        this.ledger = ledger;
        this.certificates = certificates;
        this.revocation = revocation;
        this.issuerChain = List.copyOf(issuerChain);
        this.roots = List.copyOf(roots);
    }

    /** The certificate of a valid order of the account, followed by its issuer chain. */
    public List<X509Certificate> chain(OrderView order) {
        return chain(order, false);
    }

    /** As {@link #chain(OrderView)}, ending with the root when {@code withRoot}. */
    public List<X509Certificate> chain(OrderView order, boolean withRoot) {
        BigInteger serial = order.order().certificateSerial().filter(s -> order.status() == AcmeStatus.VALID)
                .orElseThrow(() -> new AcmeException(AcmeError.MALFORMED, 404, "the order has no certificate (it is "
                        + order.status().word() + ")"));
        StoredCertificate stored = certificates.find(serial).orElseThrow(() -> new IllegalStateException(
                "the certificate " + serial.toString(16) + " of order " + order.order().id() + " is not in the ledger"));
        try {
            X509Certificate leaf = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(stored.certificate().der()));
            List<X509Certificate> out = new ArrayList<>();
            out.add(leaf);
            out.addAll(issuerChain);
            if (withRoot) {
                out.addAll(roots);
            }
            return out;
        } catch (CertificateException e) {
            throw new IllegalStateException("the stored certificate " + serial.toString(16) + " is unreadable", e);
        }
    }

    public void revoke(AcmeAccount account, X509Certificate certificate, int reason, String requester) {
        BigInteger serial = checked(certificate, reason);
        if (!ledger.accountOfCertificate(serial).map(account.id()::equals).orElse(false)) {
            throw new AcmeException(AcmeError.UNAUTHORIZED, "this account did not order that certificate");
        }
        revoke(serial, reason, requester);
    }

    /** Revocation by whoever proved to hold the certificate's private key (the front end checked the JWS). */
    public void revokeByKey(X509Certificate certificate, int reason, String requester) {
        revoke(checked(certificate, reason), reason, requester);
    }

    private BigInteger checked(X509Certificate certificate, int reason) {
        if (!java.util.Set.of(0, 1, 3, 4, 5, 9).contains(reason)) {
            throw new AcmeException(AcmeError.BAD_REVOCATION_REASON, "reason " + reason
                    + " is not one a subscriber may give; use 0, 1, 3, 4, 5 or 9 (RFC 5280)");
        }
        BigInteger serial = certificate.getSerialNumber();
        Optional<StoredCertificate> stored = certificates.find(serial).filter(s -> sameDer(s, certificate));
        if (stored.isEmpty()) {
            throw new AcmeException(AcmeError.MALFORMED, 404, "this CA did not issue that certificate");
        }
        return serial;
    }

    private void revoke(BigInteger serial, int reason, String requester) {
        RevokeOutcome outcome = revocation.revoke(serial, reason, requester);
        if (outcome == RevokeOutcome.ALREADY_REVOKED) {
            throw new AcmeException(AcmeError.ALREADY_REVOKED, "the certificate is already revoked");
        }
    }

    private static boolean sameDer(StoredCertificate s, X509Certificate c) {
        try {
            return Arrays.equals(s.certificate().der(), c.getEncoded());
        } catch (CertificateEncodingException e) {
            return false;
        }
    }
}
