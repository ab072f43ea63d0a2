package dev.certa.core.lint;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.issue.CertificateDraft;
import java.util.ArrayList;
import java.util.List;

/** The set of lints run before every issuance. */
public final class Lints {
    private final List<Lint> lints;

    public Lints(List<Lint> lints) {
        this.lints = List.copyOf(lints);
    }

    /** Every lint certa ships. */
    public static Lints defaults() {
        return new Lints(List.of(
                new KeyStrengthLint(),
                new ValidityOrderLint(),
                new ValidityWithinIssuerLint(),
                new LeafValidityLint(),
                new IssuerIsCaLint(),
                new PathLengthLint(),
                new CaProfileMismatchLint(),
                new SanRequiredLint(),
                new DnsNameSyntaxLint(),
                new WildcardPlacementLint(),
                new IpAsDnsNameLint(),
                new NameConstraintsLint()));
    }

    public List<Lint> all() {
        return lints;
    }

    public List<LintFinding> run(CertificateDraft draft) {
        List<LintFinding> out = new ArrayList<>();
        for (Lint l : lints) {
            out.addAll(l.check(draft));
        }
        return out;
    }

    /** The error that stops issuance, listing every failed rule. */
    public static CertaException failure(List<LintFinding> errors) {
        List<String> lines = errors.stream().map(LintFinding::describe).toList();
        String reason = errors.size() == 1
                ? "the certificate was not issued: " + errors.get(0).message()
                : "the certificate was not issued: " + errors.size() + " checks failed";
        String fix = errors.size() == 1 ? errors.get(0).fix() : "fix each point above and ask again";
        return new CertaException(ErrorKind.LINT, reason, fix, errors.size() == 1 ? List.of() : lines, null);
    }
}
