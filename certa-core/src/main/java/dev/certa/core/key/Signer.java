package dev.certa.core.key;

import dev.certa.core.crypto.Signatures;
import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;

/**
 * A private key that can sign, wherever it lives: a file today ({@link SoftwareSigner}), a PKCS#11
 * token or a KMS later. Issuance code only ever sees this interface, so moving a CA key into a
 * hardware token changes no issuance code.
 */
public interface Signer {

    /** The public half of the key. */
    PublicKey publicKey();

    /** The JCA name of the signature algorithm, e.g. {@code SHA256withECDSA}. */
    String algorithm();

    /** Signs {@code data} and returns the signature in the encoding X.509 uses. */
    byte[] sign(byte[] data);

    /** The signature AlgorithmIdentifier that goes into certificates, CSRs and CRLs. */
    default AlgorithmIdentifier algorithmIdentifier() {
        return new DefaultSignatureAlgorithmIdentifierFinder().find(algorithm());
    }

    /** This signer as a Bouncy Castle ContentSigner, for BC's builders. */
    default ContentSigner contentSigner() {
        AlgorithmIdentifier id = algorithmIdentifier();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
        return new ContentSigner() {
            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return id;
            }

            @Override
            public OutputStream getOutputStream() {
                return buffer;
            }

            @Override
            public byte[] getSignature() {
                return sign(buffer.toByteArray());
            }
        };
    }

    /**
     * Refuses a key that does not belong to {@code certificate}: the public keys must be equal and a
     * test signature must verify under the certificate's key.
     */
    default void requireMatches(X509Certificate certificate, String what) {
        boolean samePublicKey = Arrays.equals(publicKey().getEncoded(), certificate.getPublicKey().getEncoded());
        boolean verifies = false;
        if (samePublicKey) {
            byte[] probe = "certa key match probe".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            verifies = Signatures.verify(algorithm(), certificate.getPublicKey(), probe, sign(probe));
        }
        if (!verifies) {
            throw new CertaException(ErrorKind.KEY_MISMATCH,
                    what + ": the private key does not belong to the certificate '"
                            + certificate.getSubjectX500Principal().getName() + "'",
                    "use the key file that was created together with this certificate");
        }
    }
}
