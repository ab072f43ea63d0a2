package dev.certa.core.path;

import java.util.ArrayList;
import java.util.List;

/** Collects the errors and warnings of one candidate path. */
final class Findings {
    final List<Finding> errors = new ArrayList<>();
    final List<Finding> warnings = new ArrayList<>();

    void error(Check check, int position, CertificateFacts f, String message, String fix) {
        errors.add(Finding.error(check, position, f.display(), message, fix));
    }

    void warning(Check check, int position, CertificateFacts f, String message, String fix) {
        warnings.add(Finding.warning(check, position, f.display(), message, fix));
    }

    void add(Finding f) {
        (f.isError() ? errors : warnings).add(f);
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }
}
