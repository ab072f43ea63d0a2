package dev.certa.core.lint;

import dev.certa.core.issue.CertificateDraft;
import java.util.List;

/** One pre-issuance rule. A lint looks only at the draft; it never signs or does I/O. */
public interface Lint {

    /** A short stable name, e.g. {@code san-required}. */
    String id();

    /** Findings for this draft; empty when the rule holds. */
    List<LintFinding> check(CertificateDraft draft);
}
