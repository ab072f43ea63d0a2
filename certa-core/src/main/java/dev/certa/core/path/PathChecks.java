package dev.certa.core.path;

import dev.certa.core.name.SubjectAltName;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Validates one complete candidate path, leaf first and anchor last (RFC 5280 section 6.1): every
 * certificate's own checks, then what depends on the path as a whole: path length limits, the
 * maximum number of intermediates, EKU restrictions of the CAs, name constraints, explicit certificate
 * policies and the peer's name.
 * Signatures were verified while the path was built.
 */
final class PathChecks {
    private final ValidationOptions options;
    private final CertificateChecks certificates;

    PathChecks(ValidationOptions options) {
        this.options = options;
        this.certificates = new CertificateChecks(options);
    }

    Findings validate(List<CertificateFacts> path) {
        Findings out = new Findings();
        int n = path.size();
        for (int i = 0; i < n; i++) {
            certificates.check(path.get(i), i, role(i, n), out);
        }
        pathLength(path, out);
        maxIntermediates(path, out);
        ekuRestrictions(path, out);
        nameConstraints(path, out);
        PolicyChecks.check(path, out);
        peerNames(path.get(0), out);
        return out;
    }

    /**
     * The checks of one certificate alone, on a path that has not reached an anchor: the leaf at
     * position 0, an intermediate anywhere else.
     */
    void certificateOnly(CertificateFacts f, int position, Findings out) {
        certificates.check(f, position, position == 0 ? CertificateChecks.Role.LEAF : CertificateChecks.Role.INTERMEDIATE, out);
    }

    private static CertificateChecks.Role role(int i, int n) {
        if (n == 1) {
            return CertificateChecks.Role.LEAF_ANCHOR;
        }
        return i == 0 ? CertificateChecks.Role.LEAF : i == n - 1 ? CertificateChecks.Role.ANCHOR : CertificateChecks.Role.INTERMEDIATE;
    }

    private static void pathLength(List<CertificateFacts> path, Findings out) {
        int below = 0; // non-self-issued intermediates between the leaf and the CA at i
        for (int i = 1; i < path.size(); i++) {
            CertificateFacts ca = path.get(i);
            var bc = ca.ext.basicConstraints;
            BigInteger max = bc == null ? null : bc.pathLen();
            if (max != null && BigInteger.valueOf(below).compareTo(max) > 0) {
                out.error(Check.PATH_LENGTH, i, ca, "it allows at most " + Texts.plural(max.longValue(), "intermediate CA")
                        + " below it, but the path has " + below, "use a shorter chain, or a CA certificate whose path length allows this one");
            }
            if (!ca.selfIssued) {
                below++;
            }
        }
    }

    private void maxIntermediates(List<CertificateFacts> path, Findings out) {
        if (options.maxIntermediates().isEmpty()) {
            return;
        }
        int max = options.maxIntermediates().getAsInt();
        long count = path.subList(1, Math.max(1, path.size() - 1)).stream().filter(c -> !c.selfIssued).count();
        if (count > max) {
            out.add(Finding.chainError(Check.PATH_LENGTH, "the path has " + Texts.plural(count, "intermediate CA")
                    + ", more than the " + max + " allowed", "use a shorter chain, or allow more intermediates"));
        }
    }

    private void ekuRestrictions(List<CertificateFacts> path, Findings out) {
        List<String> needed = new ArrayList<>();
        options.purpose().ekuOid().ifPresent(needed::add);
        needed.addAll(options.requiredEkus());
        for (int i = 1; i < path.size(); i++) {
            CertificateFacts ca = path.get(i);
            List<String> ekus = ca.ext.extendedKeyUsage;
            if (ekus == null || ekus.contains(CertificateChecks.ANY_EKU)) {
                continue;
            }
            for (String oid : needed) {
                if (!ekus.contains(oid)) {
                    out.error(Check.EXTENDED_KEY_USAGE, i, ca, "this CA is restricted to " + KeyUsages.ekuNames(ekus) + ", so it may not vouch for "
                            + KeyUsages.ekuName(oid), "get the certificate from a CA that may issue for " + KeyUsages.ekuName(oid));
                }
            }
        }
    }

    private void nameConstraints(List<CertificateFacts> path, Findings out) {
        NameConstraintsState state = NameConstraintsState.unconstrained();
        long constraints = 0;
        for (int i = path.size() - 1; i >= 1; i--) {
            CertificateFacts ca = path.get(i);
            constraints += ca.ext.nameConstraintCount();
            try {
                state = state.apply(ca.certificate);
            } catch (NameConstraintException e) {
                out.error(Check.NAME_CONSTRAINTS, i, ca, "its name constraints cannot be honoured: " + e.getMessage(),
                        "re-issue the CA certificate with well-formed name constraints");
                return;
            }
            CertificateFacts below = path.get(i - 1);
            if (constraints == 0) {
                continue; // nothing above constrains names
            }
            long work = constraints * below.nameCount;
            if (work > options.limits().maxNameChecks()) {
                out.error(Check.NAME_CONSTRAINTS, i - 1, below, "checking its " + below.nameCount + " names against the "
                        + constraints + " name constraints above it would take too long (" + work + " comparisons)",
                        "a certificate and CAs like these are crafted or broken: use ones with fewer names and constraints");
                return;
            }
            Optional<String> v = state.violation(below.certificate, i - 1 == 0);
            if (v.isPresent()) {
                out.error(Check.NAME_CONSTRAINTS, i - 1, below, v.get(),
                        "the CA above may not issue for this name: get the certificate from a CA allowed to");
            }
        }
    }

    private void peerNames(CertificateFacts leaf, Findings out) {
        List<SubjectAltName> missing = new ArrayList<>();
        for (SubjectAltName expected : options.expectedNames()) {
            if (!HostnameMatcher.matches(leaf.ext, expected)) {
                missing.add(expected);
            }
        }
        if (!missing.isEmpty()) {
            List<SubjectAltName> presented = HostnameMatcher.presentedSans(leaf.certificate);
            // "192.0.2.10" the DNS name and 192.0.2.10 the address read alike: name the types unless all are DNS names
            boolean typed = Stream.concat(presented.stream(), missing.stream()).anyMatch(n -> n.type() != SubjectAltName.Type.DNS);
            Function<SubjectAltName, String> text = n -> typed ? n.toString() : n.value();
            String wanted = String.join(", ", missing.stream().map(text).toList());
            out.error(Check.PEER_NAME, 0, leaf, "valid for " + Texts.list(presented.stream().map(text).toList()) + ", not for " + wanted,
                    "connect with a name the certificate is valid for, or re-issue it with " + wanted
                            + " as subject alternative name");
        }
    }
}
