package dev.certa.core.lint;

import dev.certa.core.issue.CertificateDraft;
import dev.certa.core.profile.Profile;
import java.util.List;
import java.util.OptionalInt;

/**
 * Respects the issuer's path length constraint: an issuer with pathLen 0 may sign only leaf
 * certificates, and a sub-CA's own pathLen must be below its issuer's.
 */
public final class PathLengthLint implements Lint {
    @Override
    public String id() {
        return "path-length";
    }

    @Override
    public List<LintFinding> check(CertificateDraft d) {
        if (!(d.profile() instanceof Profile.IntermediateCa sub) || d.issuer().isEmpty()) {
            return List.of();
        }
        OptionalInt issuerLen = d.issuer().get().pathLen();
        if (issuerLen.isEmpty()) {
            return List.of();
        }
        int limit = issuerLen.getAsInt();
        if (limit == 0) {
            return List.of(LintFinding.error(id(), "the issuing CA has path length 0, so it may sign only leaf certificates, not another CA",
                    "create the intermediate under the root CA instead"));
        }
        if (sub.pathLen().isEmpty() || sub.pathLen().getAsInt() >= limit) {
            return List.of(LintFinding.error(id(), "the new CA's path length ("
                    + (sub.pathLen().isEmpty() ? "unlimited" : sub.pathLen().getAsInt())
                    + ") must be less than its issuer's (" + limit + ")",
                    "ask for --path-len " + (limit - 1) + " or less"));
        }
        return List.of();
    }
}
