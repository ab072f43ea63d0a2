package dev.certa.core.lint;

import dev.certa.core.issue.CertificateDraft;
import dev.certa.core.issue.Issuer;
import java.time.Instant;
import java.util.List;

/**
 * notAfter must come after the time of issue. notBefore is backdated by {@link Issuer#BACKDATE}, so
 * the time of issue is notBefore plus that; comparing with notBefore alone would let a zero or
 * slightly negative validity through as a certificate that is expired when it is handed out.
 */
public final class ValidityOrderLint implements Lint {
    @Override
    public String id() {
        return "validity-order";
    }

    @Override
    public List<LintFinding> check(CertificateDraft d) {
        Instant issued = d.notBefore().plus(Issuer.BACKDATE);
        if (d.notAfter().isAfter(issued)) {
            return List.of();
        }
        return List.of(LintFinding.error(id(), "the validity period is empty (notAfter " + d.notAfter()
                + " is not after the time of issue " + issued + ")", "ask for a positive validity such as --validity 90d"));
    }
}
