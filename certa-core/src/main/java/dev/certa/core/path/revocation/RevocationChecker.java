package dev.certa.core.path.revocation;

import static dev.certa.core.path.revocation.CrlCheck.TIME;

import dev.certa.core.error.CertaException;
import dev.certa.core.fetch.CertificateUrls;
import dev.certa.core.fetch.FetchBudget;
import dev.certa.core.fetch.FetchResult;
import dev.certa.core.path.Check;
import dev.certa.core.path.Finding;
import dev.certa.core.path.PathLink;
import dev.certa.core.path.Verdict;
import java.net.URI;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.bouncycastle.cert.ocsp.CertificateID;

/**
 * Checks every certificate below the anchor of a trusted path against the sources a
 * {@link RevocationPolicy} names, and amends the verdict: a revoked certificate, or a CRL from its
 * issuer that cannot be used, makes it untrusted; a status nobody could give is a warning (an error
 * when the policy requires a status).
 *
 * <pre>{@code
 * RevocationResult r = new RevocationChecker(Optional.empty(), new SecureRandom())
 *         .check(verdict, RevocationPolicy.crls(Crl.read(bytes, "ca.crl")), at);
 * }</pre>
 *
 * Network access happens only through the {@link FetchBudget} given (OCSP, {@code fetchCrls}); without
 * one, those sources count as unavailable. An untrusted verdict is returned as it is.
 */
public final class RevocationChecker {
    private static final int MAX_CRL_URLS = 2;

    private final Optional<FetchBudget> fetching;
    private final SecureRandom random;

    /** {@code fetching}: the bounds on OCSP requests and CRL downloads of this one check (create one per check). */
    public RevocationChecker(Optional<FetchBudget> fetching, SecureRandom random) {
        this.fetching = fetching;
        this.random = random;
    }

    public RevocationResult check(Verdict verdict, RevocationPolicy policy, Instant at) {
        if (!verdict.trusted() || policy.isEmpty()) {
            return new RevocationResult(verdict, List.of());
        }
        List<PathLink> path = verdict.path();
        List<Finding> problems = new ArrayList<>();
        List<Finding> warnings = new ArrayList<>();
        List<RevocationStatus> statuses = new ArrayList<>();
        Set<Crl> used = new HashSet<>();
        for (int i = 0; i + 1 < path.size(); i++) {
            PathLink link = path.get(i);
            X509Certificate cert = link.certificate();
            X509Certificate issuer = path.get(i + 1).certificate();
            if (!policy.asked() && i > 0) {
                break; // only a staple, which is about the leaf
            }
            List<Outcome> outcomes = outcomes(policy, i, cert, issuer, at, used);
            statuses.add(judge(link, cert, issuer, outcomes, policy, problems, warnings));
        }
        for (Crl c : policy.crls()) {
            if (!used.contains(c)) {
                warnings.add(new Finding(Finding.Severity.WARNING, Check.REVOCATION, OptionalInt.empty(), Optional.empty(),
                        "the CRL " + c.source() + " (issued by '" + dev.certa.core.name.DistinguishedNames.display(c.crl().getIssuer()) + "') is not from the issuer of any certificate"
                                + " on the path, so it was not used", "pass the CRL of the CA that issued the certificate"));
            }
        }
        return new RevocationResult(verdict.withFindings(problems, warnings), statuses);
    }

    private List<Outcome> outcomes(RevocationPolicy policy, int position, X509Certificate cert, X509Certificate issuer, Instant at,
            Set<Crl> used) {
        List<Outcome> out = new ArrayList<>();
        if (position == 0 && policy.stapledOcsp().isPresent()) {
            out.add(ocspAnswer(policy.stapledOcsp().get(), cert, issuer, Optional.empty(), at, "the stapled OCSP response"));
        }
        if (policy.ocsp()) {
            out.add(askResponder(cert, issuer, at));
        }
        for (Crl c : policy.crls()) {
            Optional<Outcome> o = CrlCheck.check(c, cert, issuer, at);
            if (o.isPresent()) {
                used.add(c);
                out.add(o.get());
            }
        }
        if (policy.fetchCrls()) {
            out.addAll(fetchCrls(cert, issuer, at));
        }
        return out;
    }

    private Outcome askResponder(X509Certificate cert, X509Certificate issuer, Instant at) {
        List<URI> urls = CertificateUrls.http(CertificateUrls.ocsp(cert));
        if (urls.isEmpty()) {
            return new Outcome.Unknown("OCSP", "the certificate names no http:// OCSP responder");
        }
        URI url = urls.get(0);
        String source = "the OCSP responder " + url;
        if (fetching.isEmpty()) {
            return new Outcome.Unknown(source, "it was not asked (no fetching allowed)");
        }
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        CertificateID id;
        byte[] request;
        try {
            id = OcspCheck.id(cert, issuer);
            request = OcspCheck.request(id, nonce);
        } catch (Exception e) {
            return new Outcome.Unknown(source, "no request could be made for this certificate (" + e.getMessage() + ")");
        }
        FetchResult r = fetching.get().post(url, OcspCheck.REQUEST_TYPE, request);
        if (r instanceof FetchResult.Failed f) {
            return new Outcome.Unknown(source, "it could not be reached: " + f.reason());
        }
        return OcspCheck.judge(((FetchResult.Ok) r).body(), id, Optional.of(nonce), issuer, at, source);
    }

    private static Outcome ocspAnswer(byte[] response, X509Certificate cert, X509Certificate issuer, Optional<byte[]> nonce, Instant at,
            String source) {
        try {
            return OcspCheck.judge(response, OcspCheck.id(cert, issuer), nonce, issuer, at, source);
        } catch (Exception e) {
            return new Outcome.Unknown(source, "it cannot be matched to the certificate (" + e.getMessage() + ")");
        }
    }

    private List<Outcome> fetchCrls(X509Certificate cert, X509Certificate issuer, Instant at) {
        List<URI> urls = CertificateUrls.http(CertificateUrls.crlDistributionPoints(cert));
        if (urls.isEmpty()) {
            return List.of(new Outcome.Unknown("CRL", "the certificate names no http:// CRL distribution point"));
        }
        if (fetching.isEmpty()) {
            return List.of(new Outcome.Unknown("CRL", "its CRL was not fetched (no fetching allowed)"));
        }
        List<Outcome> out = new ArrayList<>();
        for (URI url : urls.subList(0, Math.min(MAX_CRL_URLS, urls.size()))) {
            FetchResult r = fetching.get().get(url);
            if (r instanceof FetchResult.Failed f) {
                out.add(new Outcome.Unknown("the CRL at " + url, "it could not be fetched: " + f.reason()));
                continue;
            }
            List<Crl> crls;
            try {
                crls = Crl.read(((FetchResult.Ok) r).body(), url.toString());
            } catch (CertaException e) {
                out.add(new Outcome.Unknown("the CRL at " + url, "what it served is not a CRL"));
                continue;
            }
            for (Crl c : crls) {
                out.add(CrlCheck.check(c, cert, issuer, at).orElse(new Outcome.Unknown("the CRL " + url,
                        "it is not from the certificate's issuer (it names '" + dev.certa.core.name.DistinguishedNames.display(c.crl().getIssuer()) + "')")));
            }
            if (out.stream().anyMatch(o -> o instanceof Outcome.Good || o instanceof Outcome.Revoked)) {
                break;
            }
        }
        return out;
    }

    private static RevocationStatus judge(PathLink link, X509Certificate cert, X509Certificate issuer, List<Outcome> outcomes,
            RevocationPolicy policy, List<Finding> problems, List<Finding> warnings) {
        int pos = link.position();
        List<String> said = outcomes.stream().map(RevocationChecker::describe).toList();
        RevocationStatus.State state;
        Optional<Instant> when = Optional.empty();
        Optional<String> reason = Optional.empty();
        Optional<Outcome.Revoked> revoked = outcomes.stream().filter(o -> o instanceof Outcome.Revoked)
                .map(o -> (Outcome.Revoked) o).findFirst();
        List<Outcome.Unusable> unusable = outcomes.stream().filter(o -> o instanceof Outcome.Unusable).map(o -> (Outcome.Unusable) o).toList();
        String serial = "0x" + OcspCheck.serialHex(cert.getSerialNumber());
        String issuerName = "'" + issuer.getSubjectX500Principal().getName() + "'";
        if (revoked.isPresent()) {
            Outcome.Revoked r = revoked.get();
            state = RevocationStatus.State.REVOKED;
            when = Optional.of(r.when());
            reason = r.reason();
            boolean leaf = pos == 0;
            problems.add(finding(Finding.Severity.ERROR, link, "revoked: its issuer " + issuerName + " revoked this certificate (serial "
                    + serial + ") on " + TIME.format(r.when()) + r.reason().map(x -> ", reason " + x).orElse(", no reason given")
                    + ", according to " + r.source(), leaf ? "replace the certificate: have a new one issued for a new key, and find"
                            + " out why it was revoked before using it again"
                            : "this CA certificate is revoked: get a certificate issued under a CA that is not, and serve that chain"));
        } else if (!unusable.isEmpty()) {
            state = RevocationStatus.State.UNUSABLE;
            for (Outcome.Unusable u : unusable) {
                problems.add(finding(Finding.Severity.ERROR, link, "its revocation status cannot be checked: " + u.source()
                        + " is from its issuer but cannot be used: " + u.why(), u.fix()));
            }
        } else if (outcomes.stream().anyMatch(o -> o instanceof Outcome.Good)) {
            state = RevocationStatus.State.GOOD;
        } else {
            state = RevocationStatus.State.UNKNOWN;
            List<String> why = new ArrayList<>();
            outcomes.forEach(o -> why.add(describe(o)));
            if (!policy.crls().isEmpty() && outcomes.stream().noneMatch(o -> o.source().startsWith("the CRL "))) {
                why.add("none of the CRLs given is from its issuer " + issuerName);
            }
            if (why.isEmpty()) {
                why.add("no source of revocation status was available");
            }
            boolean hard = policy.requireStatus();
            String message = "its revocation status could not be established: " + String.join("; ", why)
                    + (hard ? "" : " (soft-fail: trusted anyway, as browsers do)");
            String fix = "give the issuer's current CRL (--crl FILE, or --crl-fetch), or make its OCSP responder reachable"
                    + (hard ? "; or drop --require-revocation to accept unknown status" : "");
            (hard ? problems : warnings).add(finding(hard ? Finding.Severity.ERROR : Finding.Severity.WARNING, link, message, fix));
            said = why;
        }
        return new RevocationStatus(pos, link.subject(), cert.getSerialNumber(), state, when, reason, said);
    }

    private static Finding finding(Finding.Severity s, PathLink link, String message, String fix) {
        return new Finding(s, Check.REVOCATION, OptionalInt.of(link.position()), Optional.of(link.subject()), message, fix);
    }

    private static String describe(Outcome o) {
        return switch (o) {
            case Outcome.Good g -> g.detail();
            case Outcome.Revoked r -> o.source() + " says revoked on " + TIME.format(r.when()) + r.reason().map(x -> " (" + x + ")").orElse("");
            case Outcome.Unusable u -> o.source() + " cannot be used: " + u.why();
            case Outcome.Unknown u -> o.source() + ": " + u.why();
            case Outcome.OutOfScope s -> o.source() + " does not cover it: " + s.why();
        };
    }
}
