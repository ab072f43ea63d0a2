package dev.certa.server.revocation;

import dev.certa.server.audit.AuditEvent;
import dev.certa.server.audit.AuditLog;
import dev.certa.store.CertificateLedger;
import dev.certa.store.Revocation;
import dev.certa.store.RevokeOutcome;
import java.math.BigInteger;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Revokes certificates: the store records it (once; the first reason stands), the audit log says who
 * did it, and listeners (the OCSP cache, the CRL publisher) learn of it at once on this node. Other
 * nodes learn through the store's revocation version.
 */
public final class RevocationService {
    private final CertificateLedger ledger;
    private final AuditLog audit;
    private final Clock clock;
    private final List<Consumer<BigInteger>> listeners = new CopyOnWriteArrayList<>();

    public RevocationService(CertificateLedger ledger, AuditLog audit, Clock clock) {
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    /** Calls {@code listener} with each serial revoked on this node. */
    public void onRevoked(Consumer<BigInteger> listener) {
        listeners.add(listener);
    }

    public RevokeOutcome revoke(BigInteger serial, int reasonCode, String by) {
        RevokeOutcome outcome = ledger.revoke(serial, new Revocation(clock.instant(), reasonCode, by));
        List<String> names = ledger.find(serial).map(s -> s.certificate().names()).orElse(List.of());
        audit.append(new AuditEvent(by, "revoke", Optional.of(serial.toString(16)), names,
                outcome == RevokeOutcome.REVOKED ? "ok" : "refused", outcome.name().toLowerCase(java.util.Locale.ROOT)));
        if (outcome == RevokeOutcome.REVOKED) {
            listeners.forEach(l -> l.accept(serial));
        }
        return outcome;
    }
}
