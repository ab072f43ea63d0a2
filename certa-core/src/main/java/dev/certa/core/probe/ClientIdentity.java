package dev.certa.core.probe;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

/**
 * The certificate and key a client presents in mutual TLS (mTLS). A server that asks for a client
 * certificate names the CAs it accepts; the client answers with its certificate and the
 * intermediates above it, and proves it holds the key by signing the handshake.
 *
 * @param key the private key of the first certificate
 * @param chain the client certificate first, then its intermediates
 */
public record ClientIdentity(PrivateKey key, List<X509Certificate> chain) {
    public ClientIdentity {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new CertaException(ErrorKind.USAGE, "the client certificate file holds no certificate",
                    "pass the client certificate (and its intermediates) with --cert");
        }
        if (!matches(key, chain.get(0))) {
            throw new CertaException(ErrorKind.KEY_MISMATCH,
                    "the client key does not belong to the client certificate "
                            + chain.get(0).getSubjectX500Principal().getName(),
                    "pass the key that was made with this certificate (--key)");
        }
    }

    /** The JCA key algorithm, as a TLS stack names the key type it asks for: "EC", "RSA", "Ed25519"… */
    String keyAlgorithm() {
        return chain.get(0).getPublicKey().getAlgorithm();
    }

    private static boolean matches(PrivateKey key, X509Certificate cert) {
        String a = key.getAlgorithm();
        String b = cert.getPublicKey().getAlgorithm();
        if (a.equals(b)) {
            return true;
        }
        // EdDSA keys are named "EdDSA" by some providers and "Ed25519" by others
        List<String> ed = Arrays.asList("EdDSA", "Ed25519", "Ed448");
        return ed.contains(a) && ed.contains(b);
    }
}
