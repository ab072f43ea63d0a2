package dev.certa.core.revocation;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** What CRLs and OCSP responses read off a certificate: its subject name, key bits and key identifier. */
final class CertificateParts {
    private CertificateParts() {}

    /** The DER of the certificate's subject, as it is in the certificate. */
    static byte[] subjectDer(X509Certificate cert) {
        return cert.getSubjectX500Principal().getEncoded();
    }

    /** The subjectPublicKey BIT STRING's bits: what OCSP's key hashes and RFC 5280 method 1 hash. */
    static byte[] publicKeyBits(X509Certificate cert) {
        return SubjectPublicKeyInfo.getInstance(cert.getPublicKey().getEncoded()).getPublicKeyData().getBytes();
    }

    /** The certificate's subjectKeyIdentifier, or RFC 5280 method 1 (SHA-1 of the key bits) when it has none. */
    static byte[] keyIdentifier(X509Certificate cert) {
        byte[] ext = cert.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        if (ext != null) {
            return SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(ext).getOctets()).getKeyIdentifier();
        }
        return sha1(publicKeyBits(cert));
    }

    static byte[] der(X509Certificate cert) {
        try {
            return cert.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the certificate may sign for the key usage bit {@code bit}: true when it has no keyUsage at all. */
    static boolean allowsKeyUsage(X509Certificate cert, int bit) {
        boolean[] ku = cert.getKeyUsage();
        return ku == null || (ku.length > bit && ku[bit]);
    }

    static String name(X509Certificate cert) {
        return cert.getSubjectX500Principal().getName();
    }
}
