package dev.certa.core.lint;

import dev.certa.core.issue.CertificateDraft;
import java.time.Duration;
import java.util.List;

/**
 * Warns when a TLS server certificate is valid for more than 398 days: Safari and Chrome refuse such
 * certificates when they chain to a publicly trusted root (a root shipped with the browser or the
 * operating system); a root that a user or an administrator added, such as a certa CA's, is exempt.
 * Long lifetimes make revocation matter more either way.
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
                + " days; Safari and Chrome refuse a server certificate valid for more than 398 days if it chains to a"
                + " publicly trusted root (roots a user or administrator added, like this CA, are exempt)",
                "prefer 90 days and automatic renewal; keep it at most 398 days if this CA is ever publicly trusted"));
    }
}
