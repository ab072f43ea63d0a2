package dev.certa.core.lint;

import dev.certa.core.issue.CertificateDraft;
import dev.certa.core.name.DistinguishedNames;
import java.util.List;

/** The issuer must be a CA allowed to sign certificates (CA flag and keyCertSign key usage). */
public final class IssuerIsCaLint implements Lint {
    @Override
    public String id() {
        return "issuer-is-ca";
    }

    @Override
    public List<LintFinding> check(CertificateDraft d) {
        if (d.issuer().isEmpty()) {
            return List.of();
        }
        var i = d.issuer().get();
        String name = "'" + DistinguishedNames.display(i.subject()) + "'";
        if (!i.ca()) {
            return List.of(LintFinding.error(id(), "the issuer " + name + " is not a CA certificate",
                    "issue with the CA's certificate and key (certa ca init makes them)"));
        }
        if (!i.keyCertSign()) {
            return List.of(LintFinding.error(id(),
                    "the key usage of the issuer " + name + " does not allow signing certificates (keyCertSign)",
                    "issue with a CA certificate whose key usage includes keyCertSign"));
        }
        return List.of();
    }
}
