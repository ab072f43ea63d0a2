package dev.certa.core.issue;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * What issuance reads off an issuing CA's certificate: its name (the issuer of what it signs), the
 * facts the lints check, its key identifier (the authorityKeyIdentifier of what it signs) and the
 * chain a new certificate hangs from. All of it follows from the {@link CertificateAuthority}, which
 * is immutable, so an {@link Issuer} reads it once per CA rather than once per certificate.
 */
record IssuerView(CertificateAuthority ca, X500Name name, byte[] nameDer, IssuerFacts facts, byte[] keyId,
        List<X509Certificate> chain) {

    IssuerView {
        chain = List.copyOf(chain);
    }

    static IssuerView of(CertificateAuthority ca) {
        X509Certificate cert = ca.certificate();
        X500Name name = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
        byte[] nameDer;
        try {
            nameDer = name.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new IssuerView(ca, name, nameDer, IssuerFacts.of(cert), subjectKeyId(cert), ca.certificateAndChain());
    }

    /** The key identifier for the authorityKeyIdentifier of a certificate this CA signs (a copy). */
    byte[] authorityKeyId() {
        return keyId.clone();
    }

    /** The CA certificate's subjectKeyIdentifier, or RFC 5280 method 1 over its key if it has none. */
    private static byte[] subjectKeyId(X509Certificate cert) {
        byte[] ext = cert.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        if (ext != null) {
            return SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(ext).getOctets()).getKeyIdentifier();
        }
        return Extensions.keyIdentifier(SubjectPublicKeyInfo.getInstance(cert.getPublicKey().getEncoded()));
    }
}
