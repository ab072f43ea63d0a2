package dev.certa.server.revocation;

import dev.certa.core.issue.CertificateAuthority;
import dev.certa.core.revocation.ClockSkew;
import dev.certa.core.revocation.CrlBuilder;
import dev.certa.core.revocation.RevocationReason;
import dev.certa.core.revocation.RevokedCertificate;
import dev.certa.core.revocation.SignedCrl;
import dev.certa.store.CertaStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The issuing CA's full CRL: every revoked certificate that has not expired, numbered from a counter
 * shared by all nodes (so numbers only grow, whichever node signs), valid for the configured lifetime.
 * Its thisUpdate is backdated by {@link ClockSkew#REVOCATION_TIMES}. It is re-signed when a revocation makes it stale (on the next request), when it is half-way to its
 * nextUpdate, and on the schedule.
 */
final class CrlPublisher {
    private final CertificateAuthority ca;
    private final String issuerId;
    private final CertaStore store;
    private final Clock clock;
    private final Duration lifetime;
    private volatile SignedCrl current;
    private volatile boolean stale = true;

    CrlPublisher(CertificateAuthority ca, String issuerId, CertaStore store, Clock clock, Duration lifetime) {
        this.ca = ca;
        this.issuerId = issuerId;
        this.store = store;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** The CRL's DER, re-signed first if a revocation or time made it stale. */
    byte[] der() {
        SignedCrl c = current;
        Instant now = clock.instant();
        if (stale || c == null || now.isAfter(c.thisUpdate().plus(Duration.between(c.thisUpdate(), c.nextUpdate()).dividedBy(2)))) {
            c = regenerate();
        }
        return c.der();
    }

    /** Marks the CRL stale: the next request gets a freshly signed one. */
    void markStale() {
        stale = true;
    }

    synchronized SignedCrl regenerate() {
        Instant now = clock.instant();
        stale = false; // a revocation committed after this point marks it stale again
        List<RevokedCertificate> entries = store.certificates().revokedBy(issuerId, now).stream()
                .map(e -> new RevokedCertificate(e.serial(), e.revokedAt(), RevocationReason.ofCode(e.reasonCode())))
                .toList();
        long number = store.counters().next("crl:" + issuerId);
        // thisUpdate a little in the past, so a relying party whose clock is behind ours does not read a CRL
        // signed right after a revocation as issued in the future; nextUpdate stays lifetime from now
        SignedCrl crl = new CrlBuilder(ca).number(number).thisUpdate(now.minus(ClockSkew.REVOCATION_TIMES))
                .nextUpdate(now.plus(lifetime)).revoked(entries).sign();
        current = crl;
        return crl;
    }
}
