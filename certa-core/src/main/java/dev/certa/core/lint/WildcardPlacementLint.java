package dev.certa.core.lint;

import dev.certa.core.issue.CertificateDraft;
import dev.certa.core.name.DnsNames;
import dev.certa.core.name.SubjectAltName;
import java.util.ArrayList;
import java.util.List;

/**
 * A wildcard must be the whole left-most label of a name with at least two more labels
 * ({@code *.example.com}); clients reject {@code f*o.example.com}, {@code www.*.example.com} and
 * {@code *.com}.
 */
public final class WildcardPlacementLint implements Lint {
    @Override
    public String id() {
        return "wildcard-placement";
    }

    @Override
    public List<LintFinding> check(CertificateDraft d) {
        List<LintFinding> out = new ArrayList<>();
        for (SubjectAltName n : d.subjectAltNames()) {
            if (n.type() != SubjectAltName.Type.DNS || !n.value().contains("*")) {
                continue;
            }
            DnsNames.problem(n.value()).ifPresent(p -> out.add(LintFinding.error(id(),
                    "the wildcard name '" + n.value() + "' is not valid: " + p,
                    "use a wildcard only as the whole left-most label, e.g. *.example.com")));
        }
        return out;
    }
}
