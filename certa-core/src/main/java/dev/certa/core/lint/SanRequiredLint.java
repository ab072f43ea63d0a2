package dev.certa.core.lint;

import dev.certa.core.issue.CertificateDraft;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.name.SubjectAltName;
import java.util.List;

/**
 * A server certificate needs DNS or IP names in the subject alternative name extension: clients
 * match the host they connect to against SANs only and ignore the common name.
 */
public final class SanRequiredLint implements Lint {
    @Override
    public String id() {
        return "san-required";
    }

    @Override
    public List<LintFinding> check(CertificateDraft d) {
        if (d.profile().isCa() || !d.profile().serverAuth()) {
            return List.of();
        }
        boolean hasHost = d.subjectAltNames().stream()
                .anyMatch(n -> n.type() == SubjectAltName.Type.DNS || n.type() == SubjectAltName.Type.IP);
        if (hasHost) {
            return List.of();
        }
        String cn = DistinguishedNames.commonNameOf(d.subject()).map(c -> " (the common name '" + c + "' is not a host name)").orElse("");
        return List.of(LintFinding.error(id(), "a server certificate needs at least one DNS name or IP address" + cn,
                "add the server's names, e.g. --san api.example.com --san 10.0.0.5"));
    }
}
