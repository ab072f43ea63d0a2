package dev.certa.core.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Answers OCSP requests (RFC 6960) for the CAs it serves: a client names a certificate by its
 * issuer's name and key hashes and its serial number, and gets back a signed statement "good",
 * "revoked (when, why)" or "unknown", valid from {@code thisUpdate} to {@code nextUpdate}.
 *
 * <ul>
 *   <li>Every CertID of a request must name a CA this responder {@linkplain OcspIssuer serves}, all the
 *       same CA (one signature covers the whole response); otherwise the answer is
 *       {@link OcspResponseStatus#UNAUTHORIZED}, as RFC 6960 prescribes for "not my CA".
 *   <li>Bytes that are not a request certa answers get {@link OcspResponseStatus#MALFORMED_REQUEST}, with
 *       the {@link OcspRequestException.Problem} in {@link OcspReply#problem()} for the HTTP layer.
 *   <li>The responder ID is by key hash; a delegated responder's certificate is included.
 * </ul>
 *
 * <p><b>Caching and nonces.</b> A request about one certificate without a nonce (what browsers, TLS
 * servers stapling OCSP and RFC 5019 clients send) is answered from the {@link OcspResponseCache}
 * when it holds a response that is not yet half-way through its validity; otherwise it is signed,
 * cached and sent. An "unknown" answer is signed but never cached: anyone may ask about any serial
 * number, and caching those answers would let unauthenticated requests fill memory (and a serial
 * being issued right now must not stay "unknown"). A request with a nonce is signed afresh with the nonce echoed. certa honours
 * nonces rather than ignoring them as Let's Encrypt does (RFC 9654 lets a responder ignore them):
 * openssl and other tools send one by default, and a client that asked for replay protection should
 * get it or see plainly that it did not. The price is one signature per such request, so the HTTP
 * layer should rate-limit nonce requests per client; the cached path is unaffected. Requests about
 * several certificates are signed afresh too; they are rare.
 *
 * <pre>{@code
 * OcspResponseCache cache = new OcspResponseCache(1_000_000);
 * OcspResponder responder = new OcspResponder(List.of(OcspIssuer.of(ca)),
 *         (issuer, serial) -> store.status(issuer, serial), clock, Duration.ofHours(24), cache);
 * OcspReply reply = responder.respond(postBody);            // or respondToGet(pathAfterPrefix)
 * // HTTP 200, application/ocsp-response, reply.der(); a 4xx when reply.problem() is present
 * store.revoke(serial, reason); cache.invalidate(serial);  // store first, then the cache
 * }</pre>
 */
public final class OcspResponder {
    private final List<OcspIssuer> issuers;
    private final StatusLookup lookup;
    private final Clock clock;
    private final Duration validity;
    private final OcspResponseCache cache;

    /**
     * @param validity how long a response is valid (nextUpdate - thisUpdate); cached responses are
     *     re-signed after half of it
     */
    public OcspResponder(List<OcspIssuer> issuers, StatusLookup lookup, Clock clock, Duration validity,
            OcspResponseCache cache) {
        if (issuers.isEmpty()) {
            throw new IllegalArgumentException("an OCSP responder must serve at least one CA");
        }
        if (validity.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("OCSP responses must be valid for at least a minute: " + validity);
        }
        this.issuers = List.copyOf(issuers);
        this.lookup = lookup;
        this.clock = clock;
        this.validity = validity;
        this.cache = cache;
    }

    /** Answers a DER request, e.g. a POST body; undecodable bytes get malformedRequest. */
    public OcspReply respond(byte[] requestDer) {
        OcspRequest request;
        try {
            request = OcspRequests.parse(requestDer);
        } catch (OcspRequestException e) {
            return OcspReply.malformed(e.problem());
        }
        return respond(request);
    }

    /** Answers the GET form: {@code path} is what follows the responder URL (see {@link OcspRequests#parseGet}). */
    public OcspReply respondToGet(String path) {
        OcspRequest request;
        try {
            request = OcspRequests.parseGet(path);
        } catch (OcspRequestException e) {
            return OcspReply.malformed(e.problem());
        }
        return respond(request);
    }

    /** Answers a decoded request. Exceptions of the {@link StatusLookup} pass through. */
    public OcspReply respond(OcspRequest request) {
        Instant now = clock.instant();
        boolean cacheable = request.nonce().isEmpty() && request.certIds().size() == 1;
        if (cacheable) {
            OcspResponseCache.Entry hit = cache.get(request.certIds().get(0), now);
            if (hit != null) {
                return OcspReply.signed(hit.response, hit.thisUpdate, hit.nextUpdate, true);
            }
        }
        OcspIssuer issuer = issuerOf(request.certIds());
        if (issuer == null) {
            return OcspReply.bare(OcspResponseStatus.UNAUTHORIZED);
        }
        long generation = cache.generation(); // before the lookup: see OcspResponseCache
        List<OcspResponses.Single> answers = new ArrayList<>(request.certIds().size());
        for (CertId id : request.certIds()) {
            answers.add(new OcspResponses.Single(id, lookup.statusOf(issuer.caCertificate(), id.serial())));
        }
        Instant thisUpdate = now.truncatedTo(ChronoUnit.SECONDS);
        Instant nextUpdate = thisUpdate.plus(validity);
        byte[] der = OcspResponses.sign(issuer, answers, thisUpdate, nextUpdate, request.nonce());
        if (cacheable && !(answers.get(0).status() instanceof CertStatus.Unknown)) {
            CertId id = request.certIds().get(0);
            Instant refreshAt = thisUpdate.plus(validity.dividedBy(2));
            cache.put(id, new OcspResponseCache.Entry(id.derShared(), der, thisUpdate, nextUpdate, refreshAt),
                    generation);
        }
        return OcspReply.signed(der, thisUpdate, nextUpdate, false);
    }

    /** The CAs this responder answers for. */
    public List<OcspIssuer> issuers() {
        return issuers;
    }

    public OcspResponseCache cache() {
        return cache;
    }

    /** The one served CA every CertID names, or null when one names another CA or they name several. */
    private @Nullable OcspIssuer issuerOf(List<CertId> ids) {
        OcspIssuer found = null;
        for (CertId id : ids) {
            Optional<OcspIssuer> match = issuers.stream().filter(i -> i.issued(id)).findFirst();
            if (match.isEmpty() || (found != null && match.get() != found)) {
                return null;
            }
            found = match.get();
        }
        return found;
    }
}
