package dev.certa.core.path.revocation;

import dev.certa.core.path.Verdict;
import java.util.List;
import java.util.Objects;

/**
 * A verdict after revocation checking (untrusted when a certificate is revoked, with findings for what
 * could not be checked), and the status found for each certificate.
 */
public record RevocationResult(Verdict verdict, List<RevocationStatus> statuses) {
    public RevocationResult {
        Objects.requireNonNull(verdict);
        statuses = List.copyOf(statuses);
    }
}
