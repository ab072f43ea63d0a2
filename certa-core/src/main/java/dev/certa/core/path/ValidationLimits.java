package dev.certa.core.path;

/**
 * Bounds on the work one validation may do, so that a crafted pile of certificates (loops, thousands of
 * look-alike issuers, long chains) ends in a finding rather than a hang.
 *
 * @param maxPathLength certificates in one path, leaf and anchor included
 * @param maxSignatureChecks signature verifications in one validation (all paths tried together)
 * @param maxCandidatesPerCertificate issuers considered for one certificate; those whose key
 *     identifiers match are tried first
 * @param maxNameChecks for one certificate, its names times the name constraints above it; a certificate
 *     beyond this is refused rather than checked (OpenSSL's limit, 2<sup>20</sup>, by default)
 */
public record ValidationLimits(int maxPathLength, int maxSignatureChecks, int maxCandidatesPerCertificate, int maxNameChecks) {

    public ValidationLimits {
        if (maxPathLength < 2 || maxSignatureChecks < 1 || maxCandidatesPerCertificate < 1 || maxNameChecks < 1) {
            throw new IllegalArgumentException("validation limits must be positive (and a path holds at least 2 certificates)");
        }
    }

    /**
     * Paths of up to 12 certificates (10 intermediates, far more than any public chain), 256 signature
     * checks, 64 candidate issuers per certificate and 2<sup>20</sup> name comparisons per certificate:
     * a hostile input costs at most some tens of milliseconds.
     */
    public static ValidationLimits defaults() {
        return new ValidationLimits(12, 256, 64, 1 << 20);
    }
}
