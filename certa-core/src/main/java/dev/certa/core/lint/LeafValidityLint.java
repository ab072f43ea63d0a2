package dev.certa.core.lint;

import dev.certa.core.issue.CertificateDraft;
import java.time.Duration;
import java.util.List;

/**
 * Warns when a TLS server certificate is valid for more than 398 days: Apple and Chrome reject such
 * certificates from public CAs, and long lifetimes make revocation matter more.
 */
public final class LeafValidityLint implements Lint {
    static final Duration MAX = Duration.ofDays(398);

    @Override
    public String id() {
        return "leaf-validity";
    }

    @Override
    public List<LintFinding> check(CertificateDraft d) {
        if (d.profile().isCa() || !d.profile().serverAuth()) {
            return List.of();
        }
        Duration v = Duration.between(d.notBefore(), d.notAfter());
        if (v.compareTo(MAX.plusMinutes(10)) <= 0) {
            return List.of();
        }
        return List.of(LintFinding.warning(id(), "the server certificate is valid for " + v.toDays()
                + " days; some clients (Safari, Chrome) refuse server certificates valid for more than 398 days",
                "prefer 90 days and automatic renewal"));
    }
}
