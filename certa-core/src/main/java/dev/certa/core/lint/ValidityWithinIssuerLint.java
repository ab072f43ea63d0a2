package dev.certa.core.lint;

import dev.certa.core.issue.CertificateDraft;
import java.time.Duration;
import java.util.List;

/** A certificate must not outlive its issuer: clients reject it once the issuer expires. */
public final class ValidityWithinIssuerLint implements Lint {
    @Override
    public String id() {
        return "validity-within-issuer";
    }

    @Override
    public List<LintFinding> check(CertificateDraft d) {
        if (d.issuer().isEmpty() || !d.notAfter().isAfter(d.issuer().get().notAfter())) {
            return List.of();
        }
        var issuerEnd = d.issuer().get().notAfter();
        long daysLeft = Math.max(0, Duration.between(d.notBefore().plus(dev.certa.core.issue.Issuer.BACKDATE), issuerEnd).toDays());
        return List.of(LintFinding.error(id(),
                "the requested validity ends " + d.notAfter() + ", after the issuing CA expires (" + issuerEnd + ")",
                "ask for at most " + daysLeft + " days (--validity " + daysLeft + "d), or renew the CA first"));
    }
}
