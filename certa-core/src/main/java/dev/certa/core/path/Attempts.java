package dev.certa.core.path;

import static dev.certa.core.path.Texts.q;

import dev.certa.core.name.DistinguishedNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the outcome of each path tried and turns the best into a {@link Verdict}. When nothing
 * validates, the attempt that came closest explains why: a complete path that failed a check beats an
 * intermediate that failed its own checks, which beats a missing issuer, an over-long path and a bad
 * signature; then the longer path, then the one with fewer problems.
 */
final class Attempts {
    private static final int BAD_SIGNATURE = 0;
    private static final int TOO_LONG = 1;
    private static final int DEAD_END = 2;
    private static final int PRUNED = 3;
    private static final int COMPLETE = 4;

    private record Attempt(List<Node> path, int rank, boolean reachedAnchor, List<Finding> errors, List<Finding> warnings) {}

    private final PathChecks checks;
    private final List<TrustStore> stores;
    private final Purpose purpose;
    private @Nullable Attempt best;
    private @Nullable Attempt success;

    Attempts(PathChecks checks, List<TrustStore> stores, Purpose purpose) {
        this.checks = checks;
        this.stores = stores;
        this.purpose = purpose;
    }

    /** A path that reached an anchor; true (and kept as the answer) when it has no errors. */
    boolean complete(List<Node> path, Findings f) {
        Attempt a = new Attempt(List.copyOf(path), COMPLETE, true, f.errors, f.warnings);
        if (!f.hasErrors()) {
            success = a;
            return true;
        }
        offer(a);
        return false;
    }

    /** The last certificate of {@code path} failed its own checks, so no path through it can succeed. */
    void pruned(List<Node> path, Findings own) {
        offer(new Attempt(List.copyOf(path), PRUNED, false, own.errors, own.warnings));
    }

    void deadEnd(List<Node> path, int poolSize, PathSearch.Candidates found) {
        CertificateFacts top = path.get(path.size() - 1).facts();
        int pos = path.size() - 1;
        Findings f = new Findings();
        if (top.selfIssued) {
            if (pos == 0) {
                f.error(Check.TRUST, 0, top, "self-signed and not in any trusted store (" + Texts.stores(stores) + " was searched)",
                        "if you mean to trust this certificate, add it to a trust store; otherwise use one issued by a CA clients trust");
            } else {
                f.error(Check.TRUST, pos, top, "the chain ends at this root, which is not in any trusted store ("
                        + Texts.stores(stores) + " was searched)", "if you trust this root, add it to the trust store;"
                                + " otherwise get a certificate from a CA that clients trust");
            }
        } else {
            String issuer = q(issuerDisplay(top));
            String lookAlikes = found.keyIdMismatches() == 0 ? "" : "; " + Texts.plural(found.keyIdMismatches(), "certificate")
                    + " with that name " + (found.keyIdMismatches() == 1 ? "was" : "were") + " given, but with a different key identifier";
            if (found.loops() > 0) {
                f.error(Check.CHAIN, pos, top, "the issuers loop back: the issuer of this certificate, " + issuer
                        + ", is already on the path, and no trusted store holds it" + lookAlikes,
                        "send the chain up to a trusted root, without cross-certificates that point back down");
            } else if (pos == 0 && poolSize == 0) {
                f.error(Check.CHAIN, 0, top, purpose.sender() + " sent no intermediate certificate; the chain stops at " + issuer
                        + ", which issued this certificate but is not in any trusted store",
                        "serve the full chain (fullchain.pem) or install the intermediate " + issuer);
            } else {
                f.error(Check.CHAIN, pos, top, "the chain stops here: its issuer " + issuer
                        + " was not sent and is not in any trusted store" + lookAlikes,
                        "serve the full chain (fullchain.pem) including " + issuer
                                + ", or install it; if it is a root you trust, add it to the trust store");
            }
        }
        offer(new Attempt(List.copyOf(path), DEAD_END, false, f.errors, f.warnings));
    }

    void tooLong(List<Node> path, int max) {
        Findings f = new Findings();
        f.add(Finding.chainError(Check.LIMITS, "no trusted root was reached within " + max + " certificates",
                "send a shorter chain: leaf, then the intermediates up to a trusted root"));
        offer(new Attempt(List.copyOf(path), TOO_LONG, false, f.errors, f.warnings));
    }

    void badSignature(List<Node> path, Node issuer) {
        CertificateFacts child = path.get(path.size() - 1).facts();
        int pos = path.size() - 1;
        Findings f = new Findings();
        if (child.signatureAlgorithm.isEmpty()) {
            f.error(Check.SIGNATURE_ALGORITHM, pos, child, "it is signed with " + child.signatureAlgorithmName()
                    + ", which certa cannot verify", "have it re-issued with ECDSA or RSA and SHA-256 or better");
        } else {
            f.error(Check.SIGNATURE, pos, child, "its signature does not verify with the key of " + q(issuer.facts().display())
                    + issuer.store().map(s -> " (from the trust store " + s + ")").orElse(""),
                    "the certificate was altered, or " + q(issuer.facts().display())
                            + " is not the certificate that signed it: obtain the right issuer certificate");
        }
        offer(new Attempt(List.copyOf(path), BAD_SIGNATURE, false, f.errors, f.warnings));
    }

    private void offer(Attempt a) {
        if (best == null || better(a, best)) {
            best = a;
        }
    }

    private static boolean better(Attempt a, Attempt b) {
        if (a.rank() != b.rank()) {
            return a.rank() > b.rank();
        }
        if (a.path().size() != b.path().size()) {
            return a.path().size() > b.path().size();
        }
        return a.errors().size() < b.errors().size();
    }

    Verdict verdict(boolean trusted, List<String> storeNames, @Nullable Finding limit, List<Finding> notes) {
        if (trusted && success != null) {
            List<Finding> warnings = new ArrayList<>(success.warnings());
            warnings.addAll(notes);
            Node anchor = success.path().get(success.path().size() - 1);
            return new Verdict(true, anchor.store(), storeNames, links(success, List.of(), warnings), List.of(), warnings);
        }
        List<Finding> problems = new ArrayList<>();
        List<Finding> warnings = new ArrayList<>();
        if (limit != null) {
            problems.add(limit);
        }
        Attempt a = best;
        if (a != null) {
            problems.addAll(a.errors());
            warnings.addAll(a.warnings());
            if (a.rank() != COMPLETE) {
                Findings more = new Findings();
                for (int i = 0; i < a.path().size(); i++) {
                    checks.certificateOnly(a.path().get(i).facts(), i, more);
                }
                more.errors.stream().filter(x -> !problems.contains(x)).forEach(problems::add);
                more.warnings.stream().filter(x -> !warnings.contains(x)).forEach(warnings::add);
            }
        }
        if (problems.isEmpty()) {
            problems.add(Finding.chainError(Check.CHAIN, "no path to a trusted root was found", "serve the full chain (fullchain.pem)"));
        }
        warnings.addAll(notes);
        List<PathLink> links = a == null ? List.of() : links(a, problems, warnings);
        return new Verdict(false, Optional.empty(), storeNames, links, problems, warnings);
    }

    private static List<PathLink> links(Attempt a, List<Finding> problems, List<Finding> warnings) {
        List<PathLink> out = new ArrayList<>();
        int n = a.path().size();
        for (int i = 0; i < n; i++) {
            Node node = a.path().get(i);
            PathLink.Role role = i == 0 ? PathLink.Role.LEAF : node.isAnchor() ? PathLink.Role.ANCHOR
                    : i == n - 1 && !a.reachedAnchor() ? PathLink.Role.UNTRUSTED_END : PathLink.Role.INTERMEDIATE;
            int pos = i;
            PathLink.Status status = problems.stream().anyMatch(f -> f.position().isPresent() && f.position().getAsInt() == pos)
                    ? PathLink.Status.FAILED
                    : warnings.stream().anyMatch(f -> f.position().isPresent() && f.position().getAsInt() == pos)
                            ? PathLink.Status.WARNING : PathLink.Status.OK;
            out.add(new PathLink(i, node.facts().certificate, node.facts().display(), role, node.store(), status));
        }
        return out;
    }

    static String issuerDisplay(CertificateFacts f) {
        return DistinguishedNames.display(X500Name.getInstance(f.issuer.getEncoded()));
    }
}
