package dev.certa.core.lint;

import dev.certa.core.issue.CertificateDraft;
import dev.certa.core.name.SubjectAltName;
import java.util.ArrayList;
import java.util.List;

/** Names outside the issuing CA's name constraints: clients would reject the certificate. */
public final class NameConstraintsLint implements Lint {
    @Override
    public String id() {
        return "name-constraints";
    }

    @Override
    public List<LintFinding> check(CertificateDraft d) {
        if (d.issuer().isEmpty() || d.issuer().get().nameConstraints().isEmpty()) {
            return List.of();
        }
        var rules = d.issuer().get().nameConstraints();
        List<LintFinding> out = new ArrayList<>();
        for (SubjectAltName n : d.subjectAltNames()) {
            if (!rules.allows(n)) {
                out.add(LintFinding.error(id(), "the issuing CA may not sign for " + n + " (its name constraints permit "
                        + (rules.permitted().isEmpty() ? "anything" : String.join(", ", rules.permitted()))
                        + (rules.excluded().isEmpty() ? "" : " and exclude " + String.join(", ", rules.excluded())) + ")",
                        "remove that name, or use a CA whose constraints allow it"));
            }
        }
        return out;
    }
}
