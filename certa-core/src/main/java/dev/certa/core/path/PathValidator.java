package dev.certa.core.path;

import dev.certa.core.fetch.FetchBudget;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * certa's own path builder and validator (not a wrapper over the JDK's PKIX).
 *
 * <p>Given a leaf, any number of untrusted certificates in any order (what a server sent, or a pile of
 * files) and one or more trust stores, it searches for a path leaf → intermediates → anchor, trying
 * every candidate issuer (by name, key identifiers and signature) and backtracking past dead ends,
 * expired cross-signs and decoys. Each complete path is checked against RFC 5280 (and, in
 * {@link ValidationMode#WEB_PKI}, the browser rules); the first that passes makes the verdict trusted.
 * Work is bounded by {@link ValidationLimits}.
 *
 * <pre>{@code
 * Verdict v = new PathValidator().validateChain(certsFromServer, List.of(TrustStores.system()),
 *         ValidationOptions.server(Instant.now(), "www.example.com"));
 * if (!v.trusted()) {
 *     v.problems().forEach(f -> System.out.println(f.describe()));
 * }
 * }</pre>
 *
 * <p>An instance remembers, within fixed bounds, the certificates it has decoded and the signatures it
 * has seen verify, keyed by their exact encodings: validating the same intermediates again costs no
 * signature check. Instances are thread-safe; share one.
 */
public final class PathValidator {
    private final ValidationCache cache = new ValidationCache();

    public PathValidator() {}

    /**
     * Validates {@code leaf} using {@code untrusted} as candidate intermediates (any order, decoys
     * allowed) and the anchors of {@code stores}. The verdict is trusted when a path reaches an anchor
     * of any of the stores.
     */
    public Verdict validate(X509Certificate leaf, List<X509Certificate> untrusted, List<TrustStore> stores, ValidationOptions options) {
        return new PathSearch(leaf, untrusted, stores, options, cache).run();
    }

    /**
     * Validates a chain as a peer sends it: {@code presented.get(0)} is the leaf, the rest are offered as
     * intermediates. Besides {@link #validate}, warns when the chain is out of order, holds certificates
     * the path does not use, or includes the root.
     */
    public Verdict validateChain(List<X509Certificate> presented, List<TrustStore> stores, ValidationOptions options) {
        return validateChain(presented, stores, options, Optional.empty());
    }

    /**
     * As {@link #validateChain(List, List, ValidationOptions)}; when a path stops because an intermediate
     * was not sent and the certificate names its issuer's {@code http://} AIA caIssuers URL, the issuer is
     * fetched within {@code fetchMissing}'s bounds (up to 3 levels up) and the path built again. The
     * verdict then warns that the intermediate was fetched, and from where: the peer should send it.
     * With no budget nothing is fetched, and the missing-intermediate problem names the URL instead.
     */
    public Verdict validateChain(List<X509Certificate> presented, List<TrustStore> stores, ValidationOptions options,
            Optional<FetchBudget> fetchMissing) {
        if (presented.isEmpty()) {
            throw new IllegalArgumentException("a chain holds at least the leaf certificate");
        }
        Verdict v = MissingIssuers.validate(this, presented.get(0), presented.subList(1, presented.size()), stores, options,
                fetchMissing);
        return ChainOrder.addWarnings(v, presented, options.purpose());
    }

    /** One verdict per store: is the chain trusted by each of them on its own? */
    public List<Verdict> validateEach(List<X509Certificate> presented, List<TrustStore> stores, ValidationOptions options) {
        List<Verdict> out = new ArrayList<>(stores.size());
        for (TrustStore s : stores) {
            out.add(validateChain(presented, List.of(s), options));
        }
        return out;
    }
}
