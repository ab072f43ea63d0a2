package dev.certa.core.issue;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.key.Signer;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * An issuing CA: its certificate, the chain above it (up to and including the root; empty for a
 * root), the signer holding its key, and the URLs it puts in what it issues. Construction refuses
 * a key that does not match the certificate and a certificate that is not a CA.
 */
public record CertificateAuthority(X509Certificate certificate, List<X509Certificate> chain, Signer signer, CaUrls urls) {

    public CertificateAuthority {
        chain = List.copyOf(chain);
        String name = certificate.getSubjectX500Principal().getName();
        if (certificate.getBasicConstraints() < 0) {
            throw new CertaException(ErrorKind.BAD_INPUT, "'" + name + "' is not a CA certificate (no CA flag)",
                    "issue with a CA certificate made by 'certa ca init' or 'certa ca intermediate'");
        }
        signer.requireMatches(certificate, "CA '" + name + "'");
    }

    public CertificateAuthority(X509Certificate certificate, List<X509Certificate> chain, Signer signer) {
        this(certificate, chain, signer, CaUrls.NONE);
    }

    /** This CA's certificate followed by its chain: what a certificate it issues chains to. */
    public List<X509Certificate> certificateAndChain() {
        List<X509Certificate> all = new ArrayList<>(chain.size() + 1);
        all.add(certificate);
        all.addAll(chain);
        return all;
    }

    public CertificateAuthority withUrls(CaUrls u) {
        return new CertificateAuthority(certificate, chain, signer, u);
    }
}
