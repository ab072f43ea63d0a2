package dev.certa.core.lint;

import dev.certa.core.issue.CertificateDraft;
import dev.certa.core.name.DnsNames;
import dev.certa.core.name.IpAddresses;
import dev.certa.core.name.SubjectAltName;
import java.util.ArrayList;
import java.util.List;

/** DNS names must be valid host names (letters, digits, hyphens; labels of 1–63 characters). */
public final class DnsNameSyntaxLint implements Lint {
    @Override
    public String id() {
        return "dns-name-syntax";
    }

    @Override
    public List<LintFinding> check(CertificateDraft d) {
        List<LintFinding> out = new ArrayList<>();
        for (SubjectAltName n : d.subjectAltNames()) {
            if (n.type() != SubjectAltName.Type.DNS || n.value().contains("*") || IpAddresses.isLiteral(n.value())) {
                continue; // wildcards and IPs have their own lints
            }
            DnsNames.problem(n.value()).ifPresent(p -> out.add(LintFinding.error(id(),
                    "the DNS name '" + n.value() + "' is not valid: " + p, "correct the name in the request")));
        }
        return out;
    }
}
