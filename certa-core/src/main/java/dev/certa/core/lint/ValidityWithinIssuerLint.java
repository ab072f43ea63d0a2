package dev.certa.core.lint;

import dev.certa.core.issue.CertificateDraft;
import dev.certa.core.issue.Issuer;
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
        var issued = d.notBefore().plus(Issuer.BACKDATE);
        if (!issuerEnd.isAfter(issued)) {
            return List.of(LintFinding.error(id(), "the issuing CA expired " + issuerEnd + " and can no longer issue certificates",
                    "renew the CA first, then issue again"));
        }
        long daysLeft = Duration.between(issued, issuerEnd).toDays();
        String fix = daysLeft < 1
                ? "renew the CA first: it expires in less than a day"
                : "ask for at most " + daysLeft + " days (--validity " + daysLeft + "d), or renew the CA first";
        return List.of(LintFinding.error(id(),
                "the requested validity ends " + d.notAfter() + ", after the issuing CA expires (" + issuerEnd + ")", fix));
    }
}
