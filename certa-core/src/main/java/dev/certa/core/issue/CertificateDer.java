package dev.certa.core.issue;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/**
 * The last step of issuance: wrapping the signed TBSCertificate into a Certificate (RFC 5280 §4.1),
 *
 * <pre>
 * Certificate ::= SEQUENCE { tbsCertificate TBSCertificate, signatureAlgorithm AlgorithmIdentifier,
 *                            signatureValue BIT STRING }
 * </pre>
 *
 * from parts that are already DER, so the TBS is encoded once (it is what was signed) and the result
 * is handed straight to the JDK's certificate parser.
 */
final class CertificateDer {
    private static final int SEQUENCE = 0x30;
    private static final int BIT_STRING = 0x03;

    private CertificateDer() {}

    /** The DER Certificate around a DER TBSCertificate, a DER AlgorithmIdentifier and the signature octets. */
    static byte[] assemble(byte[] tbs, byte[] signatureAlgorithm, byte[] signature) {
        int bitStringContent = signature.length + 1; // a leading octet counts the unused bits: none
        int bitStringLength = 1 + lengthOfLength(bitStringContent) + bitStringContent;
        int content = tbs.length + signatureAlgorithm.length + bitStringLength;
        byte[] out = new byte[1 + lengthOfLength(content) + content];
        int at = header(out, 0, SEQUENCE, content);
        System.arraycopy(tbs, 0, out, at, tbs.length);
        at += tbs.length;
        System.arraycopy(signatureAlgorithm, 0, out, at, signatureAlgorithm.length);
        at += signatureAlgorithm.length;
        at = header(out, at, BIT_STRING, bitStringContent);
        out[at++] = 0;
        System.arraycopy(signature, 0, out, at, signature.length);
        return out;
    }

    /** The JDK's view of a certificate certa has just encoded. */
    static X509Certificate toJca(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw new CertaException(ErrorKind.INTERNAL, "could not encode the certificate (" + e.getMessage() + ")",
                    null, e);
        }
    }

    private static int lengthOfLength(int length) {
        if (length < 0x80) {
            return 1;
        }
        int octets = 0;
        for (int l = length; l > 0; l >>>= 8) {
            octets++;
        }
        return 1 + octets;
    }

    private static int header(byte[] out, int at, int tag, int length) {
        out[at++] = (byte) tag;
        if (length < 0x80) {
            out[at++] = (byte) length;
            return at;
        }
        int octets = lengthOfLength(length) - 1;
        out[at++] = (byte) (0x80 | octets);
        for (int i = octets - 1; i >= 0; i--) {
            out[at++] = (byte) (length >>> (8 * i));
        }
        return at;
    }
}
