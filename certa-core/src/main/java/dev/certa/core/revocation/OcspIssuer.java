package dev.certa.core.revocation;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.issue.CertificateAuthority;
import dev.certa.core.key.Signer;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * A CA an {@link OcspResponder} answers for, and the key that signs those answers.
 *
 * <p>RFC 6960 4.2.2.2 allows two signers. The CA itself ({@link #of(CertificateAuthority)}): simple,
 * but every response needs the CA key. Or a <em>delegated responder</em> ({@link #delegated}): a
 * certificate the CA issued with extended key usage {@code id-kp-OCSPSigning}, whose key alone signs
 * OCSP responses, so the CA key can stay offline or in its token. Clients accept a delegated
 * response only because the responder certificate travels in it and chains to the same CA; such a
 * certificate should be short-lived and carry {@code id-pkix-ocsp-nocheck}, since nobody checks its
 * own revocation.
 *
 * <p>Everything the responder needs per request (the CA's name and key hashes in each
 * {@link OcspHash}, the responder ID, the certificates to include) is computed here once.
 */
public final class OcspIssuer {
    private static final String OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";
    private static final int DIGITAL_SIGNATURE = 0;

    private final X509Certificate ca;
    private final Signer signer;
    private final Optional<X509Certificate> delegate;
    private final byte[][] nameHashes;
    private final byte[][] keyHashes;
    /** ResponderID byKey: {@code [2] EXPLICIT OCTET STRING SHA-1(responder key bits)}. */
    private final byte[] responderId;
    private final byte[] signatureAlgorithm;
    /** The {@code certs [0] EXPLICIT SEQUENCE OF Certificate} of a BasicOCSPResponse, or nothing. */
    private final byte[] certs;

    private OcspIssuer(X509Certificate ca, Signer signer, Optional<X509Certificate> delegate) {
        this.ca = ca;
        this.signer = signer;
        this.delegate = delegate;
        OcspHash[] hashes = OcspHash.values();
        this.nameHashes = new byte[hashes.length][];
        this.keyHashes = new byte[hashes.length][];
        byte[] name = CertificateParts.subjectDer(ca);
        byte[] key = CertificateParts.publicKeyBits(ca);
        for (OcspHash h : hashes) {
            nameHashes[h.ordinal()] = h.digest(name);
            keyHashes[h.ordinal()] = h.digest(key);
        }
        X509Certificate responder = delegate.orElse(ca);
        byte[] keyHash = CertificateParts.sha1(CertificateParts.publicKeyBits(responder));
        this.responderId = Der.tlv(0xa2, Der.tlv(Der.OCTET_STRING, keyHash));
        this.signatureAlgorithm = Der.encode(signer.algorithmIdentifier());
        this.certs = delegate.map(d -> Der.tlv(0xa0, Der.tlv(Der.SEQUENCE, CertificateParts.der(d)))).orElse(new byte[0]);
    }

    /** The CA signs its own OCSP responses with its own key. */
    public static OcspIssuer of(CertificateAuthority ca) {
        return new OcspIssuer(ca.certificate(), ca.signer(), Optional.empty());
    }

    /**
     * A delegated responder signs for {@code ca}. Refuses a responder certificate that {@code ca} did
     * not sign, that lacks {@code id-kp-OCSPSigning} or digitalSignature, or whose key is not the signer's.
     */
    public static OcspIssuer delegated(X509Certificate ca, X509Certificate responder, Signer responderSigner) {
        String name = CertificateParts.name(responder);
        if (!responder.getIssuerX500Principal().equals(ca.getSubjectX500Principal()) || !signedBy(responder, ca)) {
            throw CertaException.badInput("OCSP responder '" + name + "' was not issued by CA '"
                    + CertificateParts.name(ca) + "'", "issue the responder certificate from the CA it answers for");
        }
        if (!hasOcspSigning(responder)) {
            throw CertaException.badInput("OCSP responder '" + name + "' lacks extended key usage OCSPSigning",
                    "issue the responder certificate with extendedKeyUsage id-kp-OCSPSigning (1.3.6.1.5.5.7.3.9)");
        }
        if (!CertificateParts.allowsKeyUsage(responder, DIGITAL_SIGNATURE)) {
            throw CertaException.badInput("OCSP responder '" + name + "' may not sign: keyUsage lacks digitalSignature",
                    "issue the responder certificate with keyUsage digitalSignature");
        }
        responderSigner.requireMatches(responder, "OCSP responder '" + name + "'");
        return new OcspIssuer(ca, responderSigner, Optional.of(responder));
    }

    /** The CA whose certificates this answers for. */
    public X509Certificate caCertificate() {
        return ca;
    }

    /** The certificate whose key signs the responses: the CA's own, or the delegated responder's. */
    public X509Certificate responderCertificate() {
        return delegate.orElse(ca);
    }

    public boolean isDelegated() {
        return delegate.isPresent();
    }

    /** Whether {@code id} names this CA as the issuer. */
    boolean issued(CertId id) {
        int i = id.hashAlgorithm().ordinal();
        return id.names(id.hashAlgorithm(), nameHashes[i], keyHashes[i]);
    }

    Signer signer() {
        return signer;
    }

    byte[] responderId() {
        return responderId;
    }

    byte[] signatureAlgorithm() {
        return signatureAlgorithm;
    }

    byte[] certs() {
        return certs;
    }

    private static boolean signedBy(X509Certificate cert, X509Certificate ca) {
        try {
            cert.verify(ca.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static boolean hasOcspSigning(X509Certificate cert) {
        try {
            List<String> eku = cert.getExtendedKeyUsage();
            return eku != null && eku.contains(OCSP_SIGNING);
        } catch (java.security.cert.CertificateParsingException e) {
            throw CertaException.badInput("the extended key usage of '" + CertificateParts.name(cert)
                    + "' cannot be read", "issue a new responder certificate", e);
        }
    }

    @Override
    public String toString() {
        return "OcspIssuer[" + CertificateParts.name(ca) + (isDelegated()
                ? ", delegated to " + CertificateParts.name(delegate.orElseThrow()) : "") + "]";
    }
}
