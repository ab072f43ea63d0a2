package dev.certa.server.revocation;

import dev.certa.core.issue.CertificateAuthority;
import dev.certa.core.key.KeyType;
import dev.certa.core.key.SoftwareSigner;
import dev.certa.core.revocation.OcspIssuer;
import dev.certa.core.revocation.OcspResponder;
import dev.certa.core.revocation.OcspResponseCache;
import dev.certa.core.revocation.StatusLookup;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Builds the OCSP responder: signed by the CA, or by a delegated responder certificate it re-issues. */
final class ResponderFactory {
    private static final int CACHE_SERIALS = 1_000_000;
    private final CertificateAuthority ca;
    private final Optional<DelegatedResponders> delegate;
    private final StatusLookup lookup;
    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    ResponderFactory(CertificateAuthority ca, Optional<DelegatedResponders> delegate, StatusLookup lookup, Clock clock, Duration lifetime) {
        this.ca = ca;
        this.delegate = delegate;
        this.lookup = lookup;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    OcspResponder create() {
        OcspIssuer issuer;
        if (delegate.isPresent()) {
            KeyPair key = KeyType.EC_P256.generate(random);
            X509Certificate cert = delegate.get().issue(key);
            issuer = OcspIssuer.delegated(ca.certificate(), cert, SoftwareSigner.of(key));
        } else {
            issuer = OcspIssuer.of(ca);
        }
        return new OcspResponder(java.util.List.of(issuer), lookup, clock, lifetime, new OcspResponseCache(CACHE_SERIALS));
    }

    Optional<X509Certificate> delegated(OcspResponder responder) {
        OcspIssuer i = responder.issuers().get(0);
        return i.isDelegated() ? Optional.of(i.responderCertificate()) : Optional.empty();
    }

    /** True when a delegated responder certificate is past half its life (responses must not outlive it). */
    boolean needsRenewal(OcspResponder responder) {
        Optional<X509Certificate> c = delegated(responder);
        if (c.isEmpty()) {
            return false;
        }
        Instant from = c.get().getNotBefore().toInstant();
        Instant to = c.get().getNotAfter().toInstant();
        return clock.instant().isAfter(from.plus(Duration.between(from, to).dividedBy(2)));
    }
}
