package dev.certa.core.path;

import static dev.certa.core.path.Texts.q;

import dev.certa.core.crypto.IssuerKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.jspecify.annotations.Nullable;

/**
 * One validation: a depth-first search from the leaf towards the trust anchors, trying every candidate
 * issuer in a sensible order (anchors first, matching key identifiers, currently valid, newest) and
 * backtracking past failures. Certificates are decoded once and signatures verified once per pair;
 * work is bounded by {@link ValidationLimits}. The first path that passes {@link PathChecks} wins; if none
 * does, the attempt that came closest explains why.
 */
final class PathSearch {
    private final X509Certificate leafCertificate;
    private final List<X509Certificate> untrusted;
    private final List<TrustStore> stores;
    private final ValidationOptions options;
    private final ValidationLimits limits;
    private final PathChecks checks;
    private final Map<X509Certificate, Optional<CertificateFacts>> decoded = new IdentityHashMap<>();
    private final Map<X500Principal, List<X509Certificate>> pool = new HashMap<>();
    /** The untrusted certificates' subject names by their exact encoding; see {@link #issuerName}. */
    private final Map<Encoded, X500Principal> poolNames = new HashMap<>();
    private final Map<Edge, Boolean> signatures = new HashMap<>();
    private final List<Finding> notes = new ArrayList<>();
    private final Attempts attempts;
    private final ValidationCache cache;
    private int signatureChecks;
    private int steps;
    private @Nullable Finding limitHit;
    /** Set when some certificate had more possible issuers than the limit, so not all were tried. */
    private @Nullable Finding cutOff;
    private @Nullable Finding cutOffNote;
    private int poolSize;

    private record Edge(CertificateFacts child, CertificateFacts issuer) {}

    PathSearch(X509Certificate leaf, List<X509Certificate> untrusted, List<TrustStore> stores, ValidationOptions options,
            ValidationCache cache) {
        this.cache = cache;
        this.leafCertificate = leaf;
        this.untrusted = List.copyOf(untrusted);
        this.stores = List.copyOf(stores);
        this.options = options;
        this.limits = options.limits();
        this.checks = new PathChecks(options);
        this.attempts = new Attempts(checks, stores, options.purpose());
    }

    Verdict run() {
        List<String> why = new ArrayList<>();
        Optional<CertificateFacts> leaf = decode(leafCertificate, why);
        List<String> storeNames = stores.stream().map(TrustStore::name).toList();
        if (leaf.isEmpty()) {
            String subject = leafCertificate.getSubjectX500Principal().getName();
            return new Verdict(false, Optional.empty(), storeNames, List.of(), List.of(Finding.error(Check.ENCODING, 0,
                    subject.isEmpty() ? "(empty)" : subject, "the certificate " + why.get(0),
                    "obtain an intact copy of the certificate")), List.of());
        }
        indexPool(leaf.get());
        List<Node> path = new ArrayList<>();
        path.add(new Node(leaf.get(), Optional.empty()));
        boolean trusted = leafIsAnchor(path) || search(path);
        Finding limit = limitHit;
        if (!trusted && limit == null && cutOff != null) {
            limit = cutOff;
            notes.remove(cutOffNote);
        }
        return attempts.verdict(trusted, storeNames, limit, notes);
    }

    /** Indexes the untrusted certificates by subject, each encoding once; they are decoded when first needed. */
    private void indexPool(CertificateFacts leaf) {
        Set<Encoded> seen = new HashSet<>();
        seen.add(leaf.encoded);
        for (X509Certificate c : untrusted) {
            Encoded encoded = cache.knownEncoding(c);
            if (encoded == null) {
                try {
                    encoded = new Encoded(c.getEncoded());
                } catch (CertificateEncodingException e) {
                    continue;
                }
            }
            if (seen.add(encoded)) {
                X500Principal subject = c.getSubjectX500Principal();
                pool.computeIfAbsent(subject, k -> new ArrayList<>()).add(c);
                poolNames.putIfAbsent(new Encoded(subject.getEncoded()), subject);
                poolSize++;
            }
        }
    }

    /** An untrusted certificate decoded, or empty (with a warning, once) when it cannot be. */
    private Optional<CertificateFacts> decodeUntrusted(X509Certificate c) {
        boolean first = !decoded.containsKey(c);
        List<String> why = new ArrayList<>();
        Optional<CertificateFacts> f = decode(c, why);
        if (f.isEmpty() && first) {
            notes.add(Finding.chainWarning(Check.ENCODING, "one of the certificates given (" + c.getSubjectX500Principal().getName()
                    + ") " + why.get(0) + " and was ignored", "remove the damaged certificate from the chain"));
        }
        return f;
    }

    private Optional<CertificateFacts> decode(X509Certificate c, List<String> why) {
        Optional<CertificateFacts> f = decoded.get(c);
        if (f == null) {
            f = cache.facts(c, why);
            decoded.put(c, f);
        }
        return f;
    }

    /** A leaf that is itself in a trust store (a self-signed certificate trusted directly). */
    private boolean leafIsAnchor(List<Node> path) {
        for (TrustStore s : stores) {
            if (s.contains(leafCertificate)) {
                List<Node> single = List.of(new Node(path.get(0).facts(), Optional.of(s.name())));
                return attempts.complete(single, checks.validate(facts(single)));
            }
        }
        return false;
    }

    private boolean search(List<Node> path) {
        if (++steps > limits.maxSignatureChecks() * 16) {
            limit("path building stopped after trying " + steps + " steps");
            return false;
        }
        Node top = path.get(path.size() - 1);
        Candidates found = candidates(top.facts(), path);
        if (found.nodes().isEmpty()) {
            attempts.deadEnd(path, poolSize, found);
            return false;
        }
        for (Node candidate : found.nodes()) {
            if (limitHit != null) {
                return false;
            }
            if (path.size() >= limits.maxPathLength()) {
                attempts.tooLong(path, limits.maxPathLength());
                return false;
            }
            Boolean signed = verify(top.facts(), candidate.facts());
            if (signed == null) {
                return false;
            }
            if (!signed) {
                attempts.badSignature(path, candidate);
                continue;
            }
            path.add(candidate);
            if (candidate.isAnchor()) {
                if (attempts.complete(path, checks.validate(facts(path)))) {
                    return true;
                }
            } else {
                Findings own = new Findings();
                checks.certificateOnly(candidate.facts(), path.size() - 1, own);
                if (own.hasErrors()) {
                    attempts.pruned(path, own);
                } else if (search(path)) {
                    return true;
                }
            }
            path.remove(path.size() - 1);
        }
        return false;
    }

    /**
     * {@code child}'s issuer name for looking issuers up. Names are compared in RFC 5280's normalised form,
     * which the JDK computes (and then keeps) per name object: when a certificate sent along has a subject
     * encoded exactly as {@code child}'s issuer, that certificate's name object is the same name and is
     * used instead, so a fresh leaf's issuer is not normalised again for every lookup.
     */
    private X500Principal issuerName(CertificateFacts child) {
        X500Principal same = poolNames.isEmpty() ? null : poolNames.get(new Encoded(child.issuerDer));
        return same != null ? same : child.issuer;
    }

    /** Possible issuers of {@code child}, best first, without loops. */
    private Candidates candidates(CertificateFacts child, List<Node> path) {
        List<Node> out = new ArrayList<>();
        Set<Encoded> anchors = new HashSet<>();
        int loops = 0;
        int keyIdMismatches = 0;
        X500Principal issuerName = issuerName(child);
        for (TrustStore s : stores) {
            for (X509Certificate a : s.withSubject(issuerName)) {
                Optional<CertificateFacts> f = decode(a, new ArrayList<>());
                if (f.isEmpty() || !anchors.add(f.get().encoded)) {
                    continue; // undecodable, or the same anchor in another store
                }
                if (inPath(f.get(), path)) {
                    loops++;
                } else if (!f.get().keyIdMayMatch(child)) {
                    keyIdMismatches++;
                } else {
                    out.add(new Node(f.get(), Optional.of(s.name())));
                }
            }
        }
        for (X509Certificate c : pool.getOrDefault(issuerName, List.of())) {
            Optional<CertificateFacts> decodedCandidate = decodeUntrusted(c);
            if (decodedCandidate.isEmpty() || anchors.contains(decodedCandidate.get().encoded)) {
                continue; // undecodable, or the anchor itself sent along
            }
            CertificateFacts f = decodedCandidate.get();
            if (inPath(f, path)) {
                loops++;
            } else if (!f.keyIdMayMatch(child)) {
                keyIdMismatches++;
            } else {
                out.add(new Node(f, Optional.empty()));
            }
        }
        out.sort(Comparator.comparing((Node n) -> !n.isAnchor())
                .thenComparing(n -> !n.facts().keyIdMatches(child))
                .thenComparing(n -> !validAt(n.facts()))
                .thenComparing(n -> n.facts().notBefore, Comparator.reverseOrder()));
        int max = limits.maxCandidatesPerCertificate();
        if (out.size() > max) {
            Finding note = Finding.chainWarning(Check.LIMITS, Texts.plural(out.size(), "certificate") + " could have issued "
                    + q(child.display()) + "; only the first " + max + " were tried",
                    "send only the intermediates the chain needs");
            if (!notes.contains(note)) {
                notes.add(note);
            }
            if (cutOff == null) {
                // if no path is found, this is the reason to report: the signatures that failed were only the first few
                cutOff = Finding.chainError(Check.LIMITS, "the search for the issuer of " + q(child.display()) + " stopped after "
                        + max + " candidates: " + Texts.plural(out.size(), "certificate") + " could have issued it, and the right one"
                        + " may be among the " + (out.size() - max) + " not tried", "send only the intermediates the chain needs");
                cutOffNote = note;
            }
            out = new ArrayList<>(out.subList(0, max));
        }
        return new Candidates(out, loops, keyIdMismatches);
    }

    record Candidates(List<Node> nodes, int loops, int keyIdMismatches) {}

    private boolean validAt(CertificateFacts f) {
        return !options.at().isBefore(f.notBefore) && !options.at().isAfter(f.notAfter.plusSeconds(1));
    }

    private static boolean inPath(CertificateFacts f, List<Node> path) {
        for (Node n : path) {
            if (n.facts().sameEncoding(f) || n.facts().sameCa(f)) {
                return true;
            }
        }
        return false;
    }

    /** True/false when checked; null when the work limit stops the search. */
    private @Nullable Boolean verify(CertificateFacts child, CertificateFacts issuer) {
        Edge e = new Edge(child, issuer);
        Boolean cached = signatures.get(e);
        if (cached != null) {
            return cached;
        }
        if (cache.knownGood(child, issuer)) {
            signatures.put(e, true);
            return true;
        }
        if (signatureChecks >= limits.maxSignatureChecks()) {
            limit("path building stopped after " + signatureChecks + " signature checks");
            return null;
        }
        signatureChecks++;
        boolean ok = false;
        if (child.signatureAlgorithm.isPresent()) {
            String algorithm = child.signatureAlgorithm.get().jcaName();
            Optional<IssuerKey> key = issuer.verificationKey(algorithm);
            if (key.isPresent()) {
                ok = key.get().verify(child.tbs, child.signature);
            }
        }
        signatures.put(e, ok);
        if (ok) {
            cache.rememberGood(child, issuer);
        }
        return ok;
    }

    private void limit(String what) {
        if (limitHit == null) {
            limitHit = Finding.chainError(Check.LIMITS, what + " without finding a trusted path; the certificates given look crafted"
                    + " or are far more than a chain needs", "send only the certificates of the chain (leaf and intermediates)");
        }
    }

    static List<CertificateFacts> facts(List<Node> path) {
        List<CertificateFacts> out = new ArrayList<>(path.size());
        for (Node n : path) {
            out.add(n.facts());
        }
        return out;
    }
}
