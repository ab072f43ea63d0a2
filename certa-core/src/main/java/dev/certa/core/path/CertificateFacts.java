package dev.certa.core.path;

import dev.certa.core.name.DistinguishedNames;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.jspecify.annotations.Nullable;

/**
 * What path validation needs to know about one certificate, decoded once per validation with Bouncy
 * Castle's ASN.1 classes: names, validity, key identifiers, constraints, usages, the to-be-signed bytes
 * and the signature. Anything that cannot be decoded is kept as a problem to report, never thrown.
 */
final class CertificateFacts {
    final X509Certificate certificate;
    final byte[] der;
    final String display;
    final X500Principal subject;
    final X500Principal issuer;
    final boolean subjectEmpty;
    final boolean issuerEmpty;
    final boolean selfIssued;
    /** Subject attributes plus subject alternative names: what name constraints are checked against. */
    final int nameCount;
    final int version;
    final BigInteger serial;
    final Instant notBefore;
    final Instant notAfter;
    final byte[] tbs;
    final byte[] signature;
    final Optional<SignatureAlgorithm> signatureAlgorithm;
    private final AlgorithmIdentifier outerSignatureAlgorithm;
    /** Only error messages need the name; computed on first use (a benign race computes the same string). */
    private @Nullable String signatureAlgorithmName;
    final boolean signatureAlgorithmsAgree;
    final SubjectPublicKeyInfo publicKeyInfo;
    /** DER of the subject public key info, re-encoded on first use: only issuers and cache keys need it. */
    private byte @Nullable [] publicKeyInfoDer;
    final KeyStrength.Judgement keyStrength;
    final ExtensionFacts ext;
    /** Decoding problems, in plain words ("the subject alternative name extension is malformed"). */
    final List<String> problems;

    private CertificateFacts(
            X509Certificate certificate, byte[] der, byte[] tbs, Certificate c, ExtensionFacts ext, List<String> problems) {
        this.certificate = certificate;
        this.der = der;
        TBSCertificate t = c.getTBSCertificate();
        X500Name subjectName = t.getSubject();
        this.display = DistinguishedNames.display(subjectName);
        this.subject = certificate.getSubjectX500Principal();
        this.issuer = certificate.getIssuerX500Principal();
        this.subjectEmpty = subjectName.getRDNs().length == 0;
        this.issuerEmpty = t.getIssuer().getRDNs().length == 0;
        this.selfIssued = subject.equals(issuer);
        this.nameCount = 1 + attributes(subjectName)
                + (ext.subjectAltNames == null ? 0 : ext.subjectAltNames.getNames().length);
        this.version = t.getVersionNumber();
        this.serial = t.getSerialNumber().getValue();
        this.notBefore = certificate.getNotBefore().toInstant();
        this.notAfter = certificate.getNotAfter().toInstant();
        this.tbs = tbs;
        this.signature = c.getSignature().getOctets();
        AlgorithmIdentifier outer = c.getSignatureAlgorithm();
        this.signatureAlgorithm = SignatureAlgorithms.identify(outer);
        this.outerSignatureAlgorithm = outer;
        this.signatureAlgorithmsAgree = outer.equals(t.getSignature());
        this.publicKeyInfo = t.getSubjectPublicKeyInfo();
        this.keyStrength = KeyStrength.judge(publicKeyInfo);
        this.ext = ext;
        this.problems = List.copyOf(problems);
    }

    /**
     * Decodes {@code certificate}; empty when it cannot be decoded at all (the reason goes to
     * {@code whyNot}).
     */
    static Optional<CertificateFacts> of(X509Certificate certificate, List<String> whyNot) {
        byte[] der;
        try {
            der = certificate.getEncoded();
        } catch (CertificateEncodingException | RuntimeException e) {
            whyNot.add("it cannot be decoded (" + e.getMessage() + ")");
            return Optional.empty();
        }
        return of(certificate, der, whyNot);
    }

    /** As {@link #of(X509Certificate, List)}, with {@code der} the certificate's {@code getEncoded()} (not copied). */
    static Optional<CertificateFacts> of(X509Certificate certificate, byte[] der, List<String> whyNot) {
        try {
            byte[] tbs = certificate.getTBSCertificate(); // as signed, even if not canonical DER
            Certificate c = Certificate.getInstance(ASN1Primitive.fromByteArray(der));
            if (c.getTBSCertificate().getExtensions() != null) {
                checkNoDuplicates(c);
            }
            List<String> problems = new ArrayList<>();
            ExtensionFacts ext = ExtensionFacts.of(c.getTBSCertificate().getExtensions(), problems);
            return Optional.of(new CertificateFacts(certificate, der, tbs, c, ext, problems));
        } catch (CertificateEncodingException | java.io.IOException | RuntimeException e) {
            whyNot.add("it cannot be decoded (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    private static void checkNoDuplicates(Certificate c) {
        // Extensions.getInstance already refuses repeats; this keeps the message plain if it ever does not
        ASN1ObjectIdentifier[] oids = c.getTBSCertificate().getExtensions().getExtensionOIDs();
        for (int i = 0; i < oids.length; i++) {
            for (int j = i + 1; j < oids.length; j++) {
                if (oids[i].equals(oids[j])) {
                    throw new IllegalArgumentException("the extension " + oids[i] + " appears twice");
                }
            }
        }
    }

    /** A readable name for the signature algorithm: "SHA256WITHECDSA", "MD5WITHRSA", or the OID. */
    String signatureAlgorithmName() {
        String n = signatureAlgorithmName;
        if (n == null) {
            n = SignatureAlgorithms.name(outerSignatureAlgorithm);
            signatureAlgorithmName = n;
        }
        return n;
    }

    /** The subject public key info in DER (do not modify). */
    byte[] publicKeyInfoDer() {
        byte[] d = publicKeyInfoDer;
        if (d == null) {
            d = der(publicKeyInfo);
            publicKeyInfoDer = d;
        }
        return d;
    }

    private static byte[] der(SubjectPublicKeyInfo spki) {
        try {
            return spki.getEncoded("DER");
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the public key cannot be encoded", e);
        }
    }

    private static int attributes(X500Name name) {
        int n = 0;
        for (var rdn : name.getRDNs()) {
            n += rdn.size();
        }
        return n;
    }

    /** The subject's public key as a JCA key, or empty when the JDK cannot load it. */
    Optional<PublicKey> publicKey() {
        try {
            return Optional.of(certificate.getPublicKey());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    boolean isCa() {
        return ext.basicConstraints != null && ext.basicConstraints.ca();
    }

    /** True when this certificate's key identifier is the one the child says signed it (or either is absent). */
    boolean keyIdMayMatch(CertificateFacts child) {
        byte @Nullable [] aki = child.ext.authorityKeyId == null ? null : child.ext.authorityKeyId.keyId();
        byte @Nullable [] ski = ext.subjectKeyId;
        return aki == null || ski == null || Arrays.equals(aki, ski);
    }

    /** True when both identifiers are present and equal. */
    boolean keyIdMatches(CertificateFacts child) {
        byte @Nullable [] aki = child.ext.authorityKeyId == null ? null : child.ext.authorityKeyId.keyId();
        return aki != null && ext.subjectKeyId != null && Arrays.equals(aki, ext.subjectKeyId);
    }

    boolean sameEncoding(CertificateFacts o) {
        return Arrays.equals(der, o.der);
    }

    /** Same subject and same key: the same CA, perhaps re-issued. */
    boolean sameCa(CertificateFacts o) {
        return subject.equals(o.subject) && Arrays.equals(publicKeyInfoDer(), o.publicKeyInfoDer());
    }

    @Override
    public String toString() {
        return display;
    }
}
