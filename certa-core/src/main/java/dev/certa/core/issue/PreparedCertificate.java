package dev.certa.core.issue;

import dev.certa.core.key.Signer;
import dev.certa.core.lint.LintFinding;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A to-be-signed certificate that passed every lint: the single-use token between
 * {@link Issuer#prepare} and {@link Issuer#issue}. Callers that must record the serial before
 * signing (a CA database) do so between the two steps.
 */
public final class PreparedCertificate {
    private final CertificateDraft draft;
    private final byte[] tbs;
    private final byte[] signatureAlgorithm;
    private final Signer signer;
    private final List<X509Certificate> issuerChain;
    private final List<LintFinding> warnings;
    private final AtomicBoolean used = new AtomicBoolean();

    PreparedCertificate(CertificateDraft draft, byte[] tbs, byte[] signatureAlgorithm, Signer signer,
            List<X509Certificate> issuerChain, List<LintFinding> warnings) {
        this.draft = draft;
        this.tbs = tbs;
        this.signatureAlgorithm = signatureAlgorithm;
        this.signer = signer;
        this.issuerChain = List.copyOf(issuerChain);
        this.warnings = List.copyOf(warnings);
    }

    public CertificateDraft draft() {
        return draft;
    }

    public List<LintFinding> warnings() {
        return warnings;
    }

    /** The DER TBSCertificate: what the CA signs. Not copied; nothing in this package writes to it. */
    byte[] tbs() {
        return tbs;
    }

    /** The DER signature AlgorithmIdentifier, which the certificate repeats after the TBSCertificate. */
    byte[] signatureAlgorithm() {
        return signatureAlgorithm;
    }

    Signer signer() {
        return signer;
    }

    List<X509Certificate> issuerChain() {
        return issuerChain;
    }

    boolean markUsed() {
        return used.compareAndSet(false, true);
    }
}
