package dev.certa.core.lint;

import dev.certa.core.issue.CertificateDraft;
import java.util.List;

/** notAfter must come after notBefore. */
public final class ValidityOrderLint implements Lint {
    @Override
    public String id() {
        return "validity-order";
    }

    @Override
    public List<LintFinding> check(CertificateDraft d) {
        if (d.notAfter().isAfter(d.notBefore())) {
            return List.of();
        }
        return List.of(LintFinding.error(id(), "the validity period is empty (notAfter " + d.notAfter()
                + " is not after notBefore " + d.notBefore() + ")", "ask for a positive validity such as --validity 90d"));
    }
}
