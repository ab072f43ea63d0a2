package dev.certa.core.issue;

import dev.certa.core.lint.LintFinding;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * A freshly signed certificate and the certificates above it.
 *
 * @param issuerChain the issuing CA's certificate and its chain up to the root; empty when self-signed
 * @param warnings lint findings that did not stop issuance
 */
public record IssuedCertificate(EncodedCertificate encoded, List<X509Certificate> issuerChain, List<LintFinding> warnings) {

    public IssuedCertificate {
        issuerChain = List.copyOf(issuerChain);
        warnings = List.copyOf(warnings);
    }

    public IssuedCertificate(X509Certificate certificate, List<X509Certificate> issuerChain, List<LintFinding> warnings) {
        this(EncodedCertificate.of(certificate), issuerChain, warnings);
    }

    /** The new certificate (parsed from its DER on first use). */
    public X509Certificate certificate() {
        return encoded.certificate();
    }

    /** The new certificate's DER encoding, without parsing it. */
    public byte[] der() {
        return encoded.der();
    }

    /**
     * What a server sends: the certificate then the intermediates, without the root (clients have it;
     * sending it only costs bytes). This is the content of fullchain.pem.
     */
    public List<X509Certificate> fullChain() {
        List<X509Certificate> out = new ArrayList<>();
        out.add(certificate());
        out.addAll(intermediates());
        return out;
    }

    /** The intermediates only (chain.pem): the issuer chain without a self-signed root. */
    public List<X509Certificate> intermediates() {
        List<X509Certificate> out = new ArrayList<>();
        for (X509Certificate c : issuerChain) {
            if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
                out.add(c);
            }
        }
        return out;
    }
}
