package dev.certa.core.lint;

import dev.certa.core.issue.CertificateDraft;
import dev.certa.core.name.SubjectAltName;
import java.util.List;

/**
 * Catches a CA profile used for what is clearly a leaf request (the CSR asked for CA:FALSE, or lists
 * host names), and a leaf profile used for a CSR that asks to be a CA.
 */
public final class CaProfileMismatchLint implements Lint {
    @Override
    public String id() {
        return "ca-profile-mismatch";
    }

    @Override
    public List<LintFinding> check(CertificateDraft d) {
        boolean hostNames = d.subjectAltNames().stream()
                .anyMatch(n -> n.type() == SubjectAltName.Type.DNS || n.type() == SubjectAltName.Type.IP);
        if (d.profile().isCa()) {
            if (d.requestedCa().isPresent() && !d.requestedCa().get()) {
                return List.of(LintFinding.error(id(), "a CA profile (" + d.profile().id()
                        + ") was chosen for a CSR that asks for a non-CA (leaf) certificate",
                        "use --profile server, client or server-client for this CSR"));
            }
            if (hostNames) {
                return List.of(LintFinding.error(id(), "a CA profile (" + d.profile().id()
                        + ") was chosen for a request that names hosts (" + d.subjectAltNames().get(0) + ")",
                        "use --profile server for a host's certificate; CA certificates carry no host names"));
            }
            return List.of();
        }
        if (d.requestedCa().orElse(false)) {
            return List.of(LintFinding.error(id(), "the CSR asks for a CA certificate but the " + d.profile().id()
                    + " profile issues leaf certificates", "to create a CA use 'certa ca intermediate'; otherwise remove basicConstraints CA:TRUE from the CSR"));
        }
        return List.of();
    }
}
