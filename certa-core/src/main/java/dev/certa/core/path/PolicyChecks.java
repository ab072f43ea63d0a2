package dev.certa.core.path;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Certificate policies, as far as they decide anything here: RFC 5280 section 6.1 processing with the
 * caller's initial policy set "any policy" and explicit policy not required. Policies then only matter
 * when a CA on the path requires an explicit policy (policy constraints, requireExplicitPolicy): from
 * there on every certificate must share a policy with the ones above. The valid policy tree is tracked as
 * the set of its leaf policies, which is all this decision needs. Policy mappings are not applied; a
 * path that maps policies and also requires an explicit one is refused rather than guessed at.
 */
final class PolicyChecks {
    private static final String ANY_POLICY = "2.5.29.32.0";

    private PolicyChecks() {}

    /** Checks {@code path} (leaf first, anchor last; the anchor's own extensions are not processed). */
    static void check(List<CertificateFacts> path, Findings out) {
        int n = path.size() - 1; // certificates below the anchor
        if (n <= 0 || path.subList(0, n).stream().noneMatch(PolicyChecks::constrains)) {
            return; // nobody requires an explicit policy: policies cannot fail the path
        }
        long explicit = n + 1L;
        long inhibitAny = n + 1L;
        @Nullable Set<String> valid = new HashSet<>(Set.of(ANY_POLICY));
        boolean mapped = false;
        for (int idx = n - 1; idx >= 0; idx--) {
            CertificateFacts cert = path.get(idx);
            boolean leaf = idx == 0;
            var policies = cert.ext.policies;
            if (policies == null) {
                valid = null;
            } else if (valid != null) {
                boolean certAny = policies.oids().contains(ANY_POLICY) && (inhibitAny > 0 || (!leaf && cert.selfIssued));
                Set<String> specific = new HashSet<>(policies.oids());
                specific.remove(ANY_POLICY);
                Set<String> next = new HashSet<>();
                if (valid.contains(ANY_POLICY)) {
                    next.addAll(specific);
                    if (certAny) {
                        next.add(ANY_POLICY);
                    }
                } else if (certAny) {
                    next.addAll(valid);
                } else {
                    next.addAll(valid);
                    next.retainAll(specific);
                }
                valid = next.isEmpty() ? null : next;
            }
            if (leaf) {
                if (explicit > 0) {
                    explicit--;
                }
                var pc = cert.ext.policyConstraints;
                if (pc != null && pc.requireExplicit() != null && pc.requireExplicit().signum() == 0) {
                    explicit = 0;
                }
            } else {
                mapped |= cert.ext.policyMappings;
                if (!cert.selfIssued) {
                    explicit = Math.max(0, explicit - 1);
                    inhibitAny = Math.max(0, inhibitAny - 1);
                }
                var pc = cert.ext.policyConstraints;
                if (pc != null && pc.requireExplicit() != null) {
                    explicit = Math.min(explicit, clamp(pc.requireExplicit()));
                }
                if (cert.ext.inhibitAnyPolicy != null) {
                    inhibitAny = Math.min(inhibitAny, clamp(cert.ext.inhibitAnyPolicy));
                }
            }
            if (explicit == 0 && mapped) {
                out.error(Check.POLICY, idx, cert, "the path maps certificate policies and requires an explicit policy,"
                        + " which certa does not evaluate", "validate this chain with a tool that applies policy mappings");
                return;
            }
            if (explicit == 0 && valid == null) {
                out.error(Check.POLICY, idx, cert, "a CA above requires an explicit certificate policy, and this certificate"
                        + " shares none with the CAs above it", "have it issued under a policy the CAs above it permit");
                return;
            }
        }
    }

    private static boolean constrains(CertificateFacts f) {
        var pc = f.ext.policyConstraints;
        return pc != null && pc.requireExplicit() != null;
    }

    private static long clamp(BigInteger v) {
        return v.signum() < 0 ? 0 : v.min(BigInteger.valueOf(Integer.MAX_VALUE)).longValue();
    }
}
