package dev.certa.core.path;

import dev.certa.core.error.CertaException;
import dev.certa.core.fetch.CertificateUrls;
import dev.certa.core.fetch.FetchBudget;
import dev.certa.core.fetch.FetchResult;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Missing intermediates and their AIA caIssuers URL (RFC 5280 4.2.2.1). When the best path stops at a
 * certificate whose issuer was neither sent nor trusted, and that certificate names an {@code http://}
 * URL for its issuer: without a fetcher, the finding says so; with one, the issuer is fetched, added
 * to the untrusted certificates and the path built again, up to {@link #MAX_LEVELS} levels up. Every
 * fetched certificate on the final path gets a warning naming where it came from, because clients
 * that do not fetch (most besides browsers) still fail; every failed fetch is a warning too.
 */
final class MissingIssuers {
    /** Intermediates fetched one above the other, at most. */
    static final int MAX_LEVELS = 3;
    /** caIssuers URLs tried per certificate, at most. */
    private static final int MAX_URLS = 2;

    private MissingIssuers() {}

    static Verdict validate(PathValidator validator, X509Certificate leaf, List<X509Certificate> untrusted, List<TrustStore> stores,
            ValidationOptions options, Optional<FetchBudget> fetching) {
        Verdict v = validator.validate(leaf, untrusted, stores, options);
        if (fetching.isEmpty()) {
            return hint(v);
        }
        List<X509Certificate> pool = new ArrayList<>(untrusted);
        Set<String> seen = new HashSet<>();
        for (X509Certificate c : untrusted) {
            seen.add(key(c));
        }
        Map<String, URI> fetched = new HashMap<>();
        List<Finding> failures = new ArrayList<>();
        for (int level = 0; level < MAX_LEVELS; level++) {
            Optional<PathLink> end = missingIssuerAt(v);
            if (end.isEmpty()) {
                break;
            }
            List<URI> urls = CertificateUrls.http(CertificateUrls.caIssuers(end.get().certificate()));
            boolean added = false;
            for (URI url : urls.subList(0, Math.min(MAX_URLS, urls.size()))) {
                for (X509Certificate c : fetch(fetching.get(), url, end.get(), failures)) {
                    if (seen.add(key(c))) {
                        pool.add(c);
                        fetched.put(key(c), url);
                        added = true;
                    }
                }
                if (added) {
                    break;
                }
            }
            if (!added) {
                break;
            }
            v = validator.validate(leaf, pool, stores, options);
        }
        List<Finding> notes = new ArrayList<>(failures);
        for (PathLink l : v.path()) {
            URI from = fetched.get(key(l.certificate()));
            if (from != null && l.role() != PathLink.Role.ANCHOR) {
                notes.add(Finding.warning(Check.CHAIN, l.position(), l.subject(), "this intermediate was not sent: certa fetched it from "
                        + from + " (the AIA caIssuers URL of the certificate below it)",
                        "serve the full chain (fullchain.pem) including this intermediate: clients that do not fetch missing"
                                + " intermediates (curl, Java, Go, Python and most other non-browser clients) refuse the chain"));
            }
        }
        return v.withFindings(List.of(), notes);
    }

    private static List<X509Certificate> fetch(FetchBudget budget, URI url, PathLink end, List<Finding> failures) {
        FetchResult r = budget.get(url);
        String why;
        if (r instanceof FetchResult.Ok ok) {
            try {
                return IssuerDownloads.parse(ok.body(), url.toString());
            } catch (CertaException e) {
                why = "what it served is not a certificate (DER, PEM or PKCS#7)";
            }
        } else {
            why = ((FetchResult.Failed) r).reason();
        }
        failures.add(Finding.warning(Check.CHAIN, end.position(), end.subject(), "its issuer could not be fetched from its AIA"
                + " caIssuers URL " + url + ": " + why, "serve the full chain (fullchain.pem), so that nothing needs fetching"));
        return List.of();
    }

    /** The end of a path that stopped because the issuer of its last certificate is missing. */
    private static Optional<PathLink> missingIssuerAt(Verdict v) {
        if (v.trusted() || v.path().isEmpty()) {
            return Optional.empty();
        }
        PathLink end = v.path().get(v.path().size() - 1);
        boolean stopped = end.role() == PathLink.Role.UNTRUSTED_END || (end.role() == PathLink.Role.LEAF && v.path().size() == 1);
        boolean selfIssued = end.certificate().getSubjectX500Principal().equals(end.certificate().getIssuerX500Principal());
        boolean chainProblem = v.problems().stream().anyMatch(f -> f.check() == Check.CHAIN && f.position().isPresent()
                && f.position().getAsInt() == end.position());
        return stopped && !selfIssued && chainProblem ? Optional.of(end) : Optional.empty();
    }

    /** Without fetching: says in the missing-issuer finding where the issuer could be downloaded. */
    private static Verdict hint(Verdict v) {
        Optional<PathLink> end = missingIssuerAt(v);
        if (end.isEmpty()) {
            return v;
        }
        List<URI> urls = CertificateUrls.http(CertificateUrls.caIssuers(end.get().certificate()));
        if (urls.isEmpty()) {
            return v;
        }
        List<Finding> problems = new ArrayList<>();
        for (Finding f : v.problems()) {
            boolean it = f.check() == Check.CHAIN && f.position().isPresent() && f.position().getAsInt() == end.get().position();
            problems.add(!it ? f : new Finding(f.severity(), f.check(), f.position(), f.subject(), f.message()
                    + "; the certificate names where its issuer can be downloaded (AIA caIssuers " + urls.get(0)
                    + "), and certa can fetch it (--fetch-missing)", f.fix()));
        }
        return new Verdict(v.trusted(), v.trustedBy(), v.storesSearched(), v.path(), problems, v.warnings());
    }

    private static String key(X509Certificate c) {
        return java.util.HexFormat.of().formatHex(TrustStore.der(c));
    }
}
