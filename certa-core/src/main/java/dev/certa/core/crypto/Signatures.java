package dev.certa.core.crypto;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;

/** Signature verification with the fastest provider that offers the algorithm. */
public final class Signatures {
    private Signatures() {}

    /** True when {@code signature} over {@code data} verifies under {@code key}; false for any failure. */
    public static boolean verify(String algorithm, PublicKey key, byte[] data, byte[] signature) {
        CryptoProviders providers = CryptoProviders.get();
        var preferred = providers.forSignature(algorithm);
        try {
            return verifyWith(preferred, algorithm, key, data, signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            if (preferred == providers.bouncyCastle()) {
                return false;
            }
            try {
                return verifyWith(providers.bouncyCastle(), algorithm, key, data, signature);
            } catch (GeneralSecurityException | RuntimeException e2) {
                return false;
            }
        }
    }

    private static boolean verifyWith(java.security.Provider p, String alg, PublicKey key, byte[] data, byte[] sig)
            throws GeneralSecurityException {
        Signature s = Signature.getInstance(alg, p);
        s.initVerify(key);
        s.update(data);
        return s.verify(sig);
    }

    /** The JCA name for a signature AlgorithmIdentifier, e.g. SHA256WITHECDSA. */
    public static String jcaName(AlgorithmIdentifier id) {
        String name = new DefaultAlgorithmNameFinder().getAlgorithmName(id);
        return name.equalsIgnoreCase("ED25519") ? "Ed25519" : name;
    }

    /** A Bouncy Castle verifier provider backed by {@link #verify}. */
    public static ContentVerifierProvider verifierProvider(PublicKey key) {
        return new ContentVerifierProvider() {
            @Override
            public boolean hasAssociatedCertificate() {
                return false;
            }

            @Override
            public org.bouncycastle.cert.X509CertificateHolder getAssociatedCertificate() {
                return null;
            }

            @Override
            public ContentVerifier get(AlgorithmIdentifier id) {
                String alg = jcaName(id);
                ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
                return new ContentVerifier() {
                    @Override
                    public AlgorithmIdentifier getAlgorithmIdentifier() {
                        return id;
                    }

                    @Override
                    public OutputStream getOutputStream() {
                        return buffer;
                    }

                    @Override
                    public boolean verify(byte[] signature) {
                        return Signatures.verify(alg, key, buffer.toByteArray(), signature);
                    }
                };
            }
        };
    }
}
