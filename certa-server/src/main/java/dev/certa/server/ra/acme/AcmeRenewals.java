package dev.certa.server.ra.acme;

import dev.certa.store.AcmeAccount;
import dev.certa.store.AcmeLedger;
import dev.certa.store.AcmeRenewalHint;
import dev.certa.store.CertificateLedger;
import dev.certa.store.StoredCertificate;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Renewal information (ARI, RFC 9773): when a client should renew a certificate, and renewals that
 * say which certificate they replace. A certificate's suggested window normally opens at two thirds
 * of its lifetime and closes at five sixths, leaving the last sixth for retries; clients pick a moment
 * in it at random, which spreads renewals out. A revoked certificate, or one an admin wants replaced
 * early ({@link #renewNow}), gets a window that has already passed: renew at once.
 */
public final class AcmeRenewals {
    /** How long clients should wait before asking again (RFC 9773 section 4.3 suggests hours). */
    public static final Duration RETRY_AFTER = Duration.ofHours(6);
    private final AcmeLedger ledger;
    private final CertificateLedger certificates;
    private final Clock clock;

    public AcmeRenewals(AcmeLedger ledger, CertificateLedger certificates, Clock clock) {
        this.ledger = ledger;
        this.certificates = certificates;
        this.clock = clock;
    }

    /**
     * A certificate's renewal information.
     *
     * @param start the suggested window's start
     * @param end its end, after {@code start}
     * @param explanation a URL saying why the window was moved, when an admin gave one
     */
    public record RenewalInfo(Instant start, Instant end, Optional<String> explanation) {}

    /** The renewal information of the certificate {@code id} names; {@code 404 malformed} when this CA did not issue it. */
    public RenewalInfo renewalInfo(CertId id) {
        StoredCertificate stored = issued(id).orElseThrow(() -> new AcmeException(AcmeError.MALFORMED, 404,
                "this CA issued no certificate with the ARI id " + id));
        Optional<AcmeRenewalHint> hint = ledger.renewalHint(id.serial());
        if (stored.isRevoked() || hint.isPresent()) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            return new RenewalInfo(now.minus(Duration.ofHours(1)), now.minus(Duration.ofMinutes(30)),
                    hint.flatMap(AcmeRenewalHint::explanation));
        }
        Instant notBefore = stored.certificate().notBefore();
        Duration lifetime = Duration.between(notBefore, stored.certificate().notAfter());
        Instant start = notBefore.plus(lifetime.multipliedBy(2).dividedBy(3)).truncatedTo(ChronoUnit.SECONDS);
        Instant end = notBefore.plus(lifetime.multipliedBy(5).dividedBy(6)).truncatedTo(ChronoUnit.SECONDS);
        return new RenewalInfo(start, end.isAfter(start) ? end : start.plusSeconds(1), Optional.empty());
    }

    /**
     * Makes the renewal information of these certificates say "renew now" (an admin replacing
     * certificates early, e.g. after a mis-issuance). Records nothing and returns the serials this CA
     * did not issue, if any.
     */
    public List<BigInteger> renewNow(Collection<BigInteger> serials, Optional<String> explanation) {
        List<BigInteger> unknown = serials.stream().filter(s -> certificates.find(s).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            return unknown;
        }
        Instant now = clock.instant();
        serials.forEach(s -> ledger.pullRenewalForward(new AcmeRenewalHint(s, now, explanation)));
        return List.of();
    }

    /**
     * Checks a newOrder's {@code replaces}: the certificate must be one this CA issued to an order of
     * {@code account}, share a name with the new order, and not have been replaced already.
     */
    public CertId replaceable(AcmeAccount account, String certId, Collection<String> identifiers) {
        CertId id = CertId.parse(certId);
        StoredCertificate stored = issued(id).orElseThrow(() -> new AcmeException(AcmeError.MALFORMED,
                "\"replaces\" names " + certId + ", a certificate this CA did not issue"));
        if (!ledger.accountOfCertificate(id.serial()).map(account.id()::equals).orElse(false)) {
            throw new AcmeException(AcmeError.UNAUTHORIZED, "\"replaces\" names " + certId
                    + ", which this account did not order; an order may replace only the account's own certificates");
        }
        List<String> shared = new ArrayList<>(stored.certificate().names());
        shared.retainAll(identifiers);
        if (shared.isEmpty()) {
            throw new AcmeException(AcmeError.MALFORMED, "the order shares no name with the certificate it replaces ("
                    + String.join(", ", stored.certificate().names()) + ")");
        }
        Optional<String> by = ledger.replacementOf(id.serial());
        if (by.isPresent()) {
            throw new AcmeException(AcmeError.ALREADY_REPLACED, "the certificate " + certId + " was already replaced (by order "
                    + by.get() + "); renew the certificate that replaced it instead");
        }
        return id;
    }

    /** The certificate {@code id} names, if this CA issued it (same serial and issuer key). */
    private Optional<StoredCertificate> issued(CertId id) {
        return certificates.find(id.serial()).filter(s -> CertId.of(x509(s)).map(id::sameAs).orElse(false));
    }

    private static X509Certificate x509(StoredCertificate s) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(s.certificate().der()));
        } catch (CertificateException e) {
            throw new IllegalStateException("the stored certificate " + s.certificate().serial().toString(16) + " is unreadable", e);
        }
    }
}
