package dev.certa.server.revocation;

import dev.certa.core.issue.CertificateAuthority;
import dev.certa.core.revocation.CertStatus;
import dev.certa.core.revocation.OcspIssuer;
import dev.certa.core.revocation.OcspReply;
import dev.certa.core.revocation.OcspRequestException;
import dev.certa.core.revocation.OcspResponder;
import dev.certa.core.revocation.OcspResponseCache;
import dev.certa.core.revocation.RevocationReason;
import dev.certa.server.config.ServerConfig;
import dev.certa.server.http.ApiRequest;
import dev.certa.server.http.ProblemException;
import dev.certa.server.http.Reply;
import dev.certa.server.http.Router;
import dev.certa.store.CertaStore;
import dev.certa.store.StoredCertificate;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What issued certificates point at, served on both ports: the issuing CA's certificate (AIA
 * caIssuers, DER) at {@code /ca/<issuerId>.cer}, the full CRL at {@code /crl/<issuerId>.crl}, and the
 * OCSP responder (RFC 6960; POST at {@code /ocsp}, GET at {@code /ocsp/<base64>}).
 *
 * <p>OCSP answers without a nonce come pre-signed from a cache; a revocation on this node drops the
 * serial's cached answer at once, and a revocation on another node sharing the database is noticed
 * within a second (the store's revocation version), which drops the whole cache and marks the CRL
 * stale. The periodic CRL re-signing runs on one node at a time (a cluster lock).
 */
public final class RevocationEndpoints implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RevocationEndpoints.class);
    private static final Duration VERSION_POLL = Duration.ofSeconds(1);
    private final String issuerId;
    private final byte[] caDer;
    private volatile OcspResponder ocsp;
    private final ResponderFactory responders;
    private final CrlPublisher crl;
    private final CertaStore store;
    private final ScheduledExecutorService scheduler;
    private final Counter ocspAnswers;
    private volatile long seenVersion;

    private RevocationEndpoints(String issuerId, byte[] caDer, ResponderFactory responders, CrlPublisher crl, CertaStore store,
            MeterRegistry meters) {
        this.issuerId = issuerId;
        this.caDer = caDer;
        this.responders = responders;
        this.ocsp = responders.create();
        this.crl = crl;
        this.store = store;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "certa-revocation");
            t.setDaemon(true);
            return t;
        });
        this.ocspAnswers = Counter.builder("certa_ocsp_responses").register(meters);
        Gauge.builder("certa_ocsp_cache_serials", this, e -> e.ocsp.cache().size())
                .description("certificates with a pre-signed OCSP response in memory (never unknown serials)").register(meters);
        this.seenVersion = store.certificates().revocationVersion();
    }

    /**
     * @param delegate issues a delegated OCSP responder certificate (when {@code ocsp.responder = delegated});
     *     empty: responses are signed with the CA's own key
     */
    public static RevocationEndpoints create(ServerConfig config, CertificateAuthority ca, String issuerId, CertaStore store,
            RevocationService revocation, Clock clock, MeterRegistry meters, Optional<DelegatedResponders> delegate) {
        X509Certificate caCert = ca.certificate();
        ResponderFactory factory = new ResponderFactory(ca, delegate, (issuer, serial) -> status(store, issuerId, serial), clock,
                config.ocspLifetime());
        CrlPublisher crl = new CrlPublisher(ca, issuerId, store, clock, config.crlLifetime());
        RevocationEndpoints e = new RevocationEndpoints(issuerId, der(caCert), factory, crl, store, meters);
        revocation.onRevoked(serial -> {
            e.ocsp.cache().invalidate(serial);
            crl.markStale();
        });
        if (delegate.isPresent()) {
            e.scheduler.scheduleWithFixedDelay(e::rotateResponder, 1, 1, TimeUnit.HOURS);
        }
        e.scheduler.scheduleWithFixedDelay(e::pollVersion, VERSION_POLL.toMillis(), VERSION_POLL.toMillis(), TimeUnit.MILLISECONDS);
        long every = config.crlInterval().toMillis();
        e.scheduler.scheduleWithFixedDelay(e::scheduledCrl, every, every, TimeUnit.MILLISECONDS);
        return e;
    }

    private static CertStatus status(CertaStore store, String issuerId, BigInteger serial) {
        Optional<StoredCertificate> s = store.certificates().find(serial).filter(c -> c.certificate().issuerId().equals(issuerId));
        if (s.isEmpty()) {
            return CertStatus.unknown();
        }
        return s.get().revocation().map(r -> CertStatus.revoked(r.revokedAt(), RevocationReason.ofCode(r.reasonCode())))
                .orElse(CertStatus.good());
    }

    public void register(Router router) {
        router.add("GET", "/ca/*", "aia", Router.Exposure.PUBLIC, this::caCertificate);
        router.add("GET", "/crl/*", "crl", Router.Exposure.PUBLIC, this::crl);
        router.add("POST", "/ocsp", "ocsp", Router.Exposure.PUBLIC, r -> answer(ocsp.respond(r.body())));
        // RFC 6960 A.1: the base64 may hold '/' as is or as %2F (nginx stapling sends %2F); the raw path is decoded there
        router.add("GET", "/ocsp/*", "ocsp", Router.Exposure.PUBLIC_OPAQUE_TAIL,
                r -> answer(ocsp.respondToGet(r.path().substring("/ocsp/".length()))));
    }

    private Reply answer(OcspReply reply) {
        ocspAnswers.increment();
        int status = 200;
        if (reply.problem().isPresent()) {
            status = reply.problem().get() == OcspRequestException.Problem.TOO_LARGE ? 413 : 400;
        }
        Reply r = Reply.of(status, "application/ocsp-response", reply.der());
        if (status == 200 && reply.nextUpdate().isPresent() && reply.thisUpdate().isPresent()) {
            long maxAge = Math.max(0, Duration.between(Instant.now(), reply.nextUpdate().get()).toSeconds() / 2);
            r = r.withHeader("Cache-Control", "public, max-age=" + maxAge + ", no-transform, must-revalidate");
        }
        return r;
    }

    private Reply caCertificate(ApiRequest r) {
        if (!r.path().equals("/ca/" + issuerId + ".cer")) {
            throw ProblemException.notFound("unknown-ca", "this CA serves its certificate at /ca/" + issuerId + ".cer");
        }
        return Reply.of(200, "application/pkix-cert", caDer).withHeader("Cache-Control", "public, max-age=86400");
    }

    private Reply crl(ApiRequest r) {
        if (!r.path().equals("/crl/" + issuerId + ".crl")) {
            throw ProblemException.notFound("unknown-crl", "this CA serves its CRL at /crl/" + issuerId + ".crl");
        }
        return Reply.of(200, "application/pkix-crl", crl.der()).withHeader("Cache-Control", "public, max-age=60");
    }

    private void pollVersion() {
        try {
            long v = store.certificates().revocationVersion();
            if (v != seenVersion) {
                seenVersion = v;
                ocsp.cache().invalidateAll();
                crl.markStale();
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot read the revocation version from the database: {}", e.getMessage());
        }
    }

    /** Re-issues the delegated responder certificate when it has less than half its life left. */
    private void rotateResponder() {
        try {
            if (responders.needsRenewal(ocsp)) {
                ocsp = responders.create();
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot re-issue the OCSP responder certificate: {}", e.getMessage());
        }
    }

    /** The OCSP responder's certificate when a delegated one signs, for tests and the banner. */
    public Optional<X509Certificate> delegatedResponder() {
        return responders.delegated(ocsp);
    }

    private void scheduledCrl() {
        try {
            store.locks().tryWithLock("crl-schedule:" + issuerId, crl::regenerate);
        } catch (RuntimeException e) {
            LOG.warn("scheduled CRL signing failed: {}", e.getMessage());
        }
    }

    private static byte[] der(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
