package dev.certa.core.lint;

import dev.certa.core.issue.CertificateDraft;
import dev.certa.core.key.KeyDescription;
import java.util.List;

/** Refuses keys certa does not issue for: RSA under 2048 bits, DSA, curves other than P-256/384/521. */
public final class KeyStrengthLint implements Lint {
    @Override
    public String id() {
        return "key-strength";
    }

    @Override
    public List<LintFinding> check(CertificateDraft d) {
        KeyDescription k = KeyDescription.of(d.subjectKey());
        if (k.supported()) {
            return List.of();
        }
        String what = k.algorithm().equals("RSA") && k.bits() < 2048
                ? "the RSA key has " + k.bits() + " bits; at least 2048 are required"
                : "the key (" + k.display() + ") is not a type certa issues for";
        return List.of(LintFinding.error(id(), what,
                "generate a new key (certa key create --type p256) and a new CSR"));
    }
}
