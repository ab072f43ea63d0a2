package dev.certa.server.signing;

import dev.certa.core.issue.CertificateAuthority;
import dev.certa.core.issue.CertificateDraft;
import dev.certa.core.issue.IssuanceRequest;
import dev.certa.core.issue.IssuedCertificate;
import dev.certa.core.issue.Issuer;
import dev.certa.core.issue.PreparedCertificate;
import dev.certa.core.name.SubjectAltName;
import dev.certa.server.audit.AuditEvent;
import dev.certa.server.audit.AuditLog;
import dev.certa.store.CertificateLedger;
import dev.certa.store.DuplicateSerialException;
import dev.certa.store.IssuedCertificateRecord;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;

/**
 * The only part of the server that holds the CA key. It signs what the registration authority
 * approved, records the certificate in the store (committed) and in the audit log, and only then
 * returns it: a certificate a client received is never missing from the store.
 */
public final class SigningService {
    private static final int SERIAL_ATTEMPTS = 3;
    private final Issuer issuer;
    private final CertificateAuthority ca;
    private final String issuerId;
    private final CertificateLedger ledger;
    private final AuditLog audit;
    private final Clock clock;
    private final Semaphore expensive;

    /**
     * @param expensive the permits for expensive work the server shares (CSR verifications take them too):
     *     each CA signature waits for one, so a flood of requests cannot run more signatures at once than it allows
     */
    public SigningService(Issuer issuer, CertificateAuthority ca, CertificateLedger ledger, AuditLog audit, Clock clock,
            Semaphore expensive) {
        this.issuer = issuer;
        this.ca = ca;
        this.issuerId = IssuerIds.of(ca.certificate());
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
        this.expensive = expensive;
    }

    /**
     * Signs, records and audits one certificate.
     *
     * @param requester who asked, as recorded ({@code provisioner:ops/api.internal}, {@code mtls:<serial>})
     * @param action {@code issue} or {@code renew}, for the audit log
     */
    public IssuedCertificate issue(IssuanceRequest request, String requester, String action) {
        return issue(request, requester, action, java.util.Optional.empty());
    }

    /**
     * Signs, records and audits one certificate authorised by a one-time token, marking the token used
     * in the same transaction as the certificate.
     *
     * @throws TokenAlreadyUsedException when the token was used before on any node (nothing is recorded
     *     or returned; the signed certificate is discarded)
     */
    public IssuedCertificate issue(IssuanceRequest request, String requester, String action, java.util.Optional<OneTimeToken> token) {
        java.util.Optional<OneTimeToken> unused = token;
        for (int attempt = 1; ; attempt++) {
            PreparedCertificate prepared = issuer.prepare(request, ca);
            CertificateDraft d = prepared.draft();
            IssuedCertificate issued;
            expensive.acquireUninterruptibly();
            try {
                issued = issuer.issue(prepared);
            } finally {
                expensive.release();
            }
            List<String> names = names(d.subjectAltNames());
            var row = new IssuedCertificateRecord(d.serial(), issuerId, issued.der(), names, d.notBefore(),
                    d.notAfter(), d.profile().id(), requester, clock.instant());
            try {
                if (unused.isPresent()) {
                    OneTimeToken t = unused.get();
                    unused = java.util.Optional.empty(); // used up by this attempt, whatever becomes of the serial
                    if (!ledger.recordWithToken(row, t.provisioner(), t.tokenId(), t.expiresAt())) {
                        throw new TokenAlreadyUsedException(t.tokenId());
                    }
                } else {
                    ledger.record(row);
                }
            } catch (DuplicateSerialException e) {
                if (attempt == SERIAL_ATTEMPTS) {
                    throw e;
                }
                continue; // the signed certificate is discarded, never returned; try a fresh serial
            }
            audit.append(AuditEvent.ok(requester, action, d.serial().toString(16), names));
            return issued;
        }
    }

    /** Where a signed certificate is recorded instead of the ledger alone: with what it ends (an ACME order), in one transaction. */
    @FunctionalInterface
    public interface Recording {
        /**
         * Records the certificate durably; false when it must be discarded (nothing was recorded).
         *
         * @throws DuplicateSerialException when the serial is already recorded (nothing changed)
         */
        boolean record(IssuedCertificateRecord certificate) throws DuplicateSerialException;
    }

    /**
     * Signs one certificate, records it through {@code recording} and audits it. Empty, with nothing recorded
     * or audited and the certificate discarded, when {@code recording} refused it.
     */
    public java.util.Optional<IssuedCertificate> issue(IssuanceRequest request, String requester, String action, Recording recording) {
        for (int attempt = 1; ; attempt++) {
            PreparedCertificate prepared = issuer.prepare(request, ca);
            CertificateDraft d = prepared.draft();
            IssuedCertificate issued = issuer.issue(prepared);
            List<String> names = names(d.subjectAltNames());
            var row = new IssuedCertificateRecord(d.serial(), issuerId, issued.der(), names, d.notBefore(),
                    d.notAfter(), d.profile().id(), requester, clock.instant());
            try {
                if (!recording.record(row)) {
                    return java.util.Optional.empty();
                }
            } catch (DuplicateSerialException e) {
                if (attempt == SERIAL_ATTEMPTS) {
                    throw e;
                }
                continue; // the signed certificate is discarded, never returned; try a fresh serial
            }
            audit.append(AuditEvent.ok(requester, action, d.serial().toString(16), names));
            return java.util.Optional.of(issued);
        }
    }

    /** The issuing CA's certificate. */
    public X509Certificate caCertificate() {
        return ca.certificate();
    }

    /** The issuing CA's certificate followed by the certificates above it, up to the root. */
    public List<X509Certificate> caChain() {
        return ca.certificateAndChain();
    }

    /** The store's id of the issuing CA. */
    public String issuerId() {
        return issuerId;
    }

    /** Names as the store keeps them: {@code dns:api.example.com}, {@code ip:10.0.0.1}. */
    public static List<String> names(List<SubjectAltName> sans) {
        return sans.stream().map(n -> n.type().name().toLowerCase(Locale.ROOT) + ":" + n.value().toLowerCase(Locale.ROOT)).toList();
    }
}
