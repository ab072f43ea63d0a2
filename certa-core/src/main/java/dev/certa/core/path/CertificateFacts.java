package dev.certa.core.path;

import dev.certa.core.crypto.IssuerKey;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.name.NameText;
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
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.jspecify.annotations.Nullable;

/**
 * What path validation needs to know about one certificate, decoded once per validation: names, validity,
 * key identifiers, constraints, usages, the to-be-signed bytes and the signature. Plain DER is split by
 * {@link PlainCertificate}; anything else by Bouncy Castle's ASN.1 classes. Anything that cannot be decoded
 * is kept as a problem to report, never thrown.
 */
final class CertificateFacts {
    final X509Certificate certificate;
    final byte[] der;
    /** {@link #der} as a map key, hashed once. */
    final Encoded encoded;
    /** Only messages need the subject rendered; computed on first use (a benign race computes the same string). */
    private @Nullable String display;
    final X500Principal subject;
    /** The subject as Bouncy Castle reads it from this certificate's encoding. */
    final X500Name subjectName;
    final X500Principal issuer;
    /** The issuer's name as encoded in this certificate (do not modify). */
    final byte[] issuerDer;
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
    /** The outer signature AlgorithmIdentifier in DER; decoded again only for error messages. */
    private final byte[] outerSignatureAlgorithm;
    /** Only error messages need the name; computed on first use (a benign race computes the same string). */
    private @Nullable String signatureAlgorithmName;
    final boolean signatureAlgorithmsAgree;
    /** DER of the subject public key info: issuers and cache keys need it (do not modify). */
    private final byte[] publicKeyInfoDer;
    /** {@link #publicKeyInfoDer} as a map key, made when this certificate first acts as an issuer (benign race). */
    private @Nullable Encoded publicKeyInfoKey;
    final KeyStrength.Judgement keyStrength;
    final ExtensionFacts ext;
    private volatile @Nullable IssuerKey issuerKey;
    /** The issuer key (subject public key info) this certificate's signature was last seen to verify under. */
    volatile @Nullable Encoded verifiedUnder;
    /** Decoding problems, in plain words ("the subject alternative name extension is malformed"). */
    final List<String> problems;

    /** Everything except the names, which both routes below read the same way. */
    private record Parts(byte[] tbs, int version, BigInteger serial, byte[] signature, Optional<SignatureAlgorithm> algorithm,
            byte[] outerAlgorithm, boolean algorithmsAgree, byte[] publicKeyInfo, KeyStrength.Judgement keyStrength) {}

    private CertificateFacts(X509Certificate certificate, Encoded encoded, Parts p, X500Name subjectName, byte[] subjectDer,
            int subjectAttributes, byte[] issuerDer, boolean issuerEmpty, ExtensionFacts ext, List<String> problems) {
        this.certificate = certificate;
        this.der = encoded.bytes;
        this.encoded = encoded;
        this.subjectName = subjectName;
        this.subject = certificate.getSubjectX500Principal();
        this.issuer = certificate.getIssuerX500Principal();
        this.subjectEmpty = subjectName.getRDNs().length == 0;
        this.issuerDer = issuerDer;
        this.issuerEmpty = issuerEmpty;
        // the same bytes are the same name; otherwise RFC 5280's comparison (which normalises both) decides
        this.selfIssued = Arrays.equals(subjectDer, issuerDer) || subject.equals(issuer);
        this.nameCount = 1 + subjectAttributes + (ext.subjectAltNames == null ? 0 : ext.subjectAltNames.getNames().length);
        this.version = p.version();
        this.serial = p.serial();
        this.notBefore = certificate.getNotBefore().toInstant();
        this.notAfter = certificate.getNotAfter().toInstant();
        this.tbs = p.tbs();
        this.signature = p.signature();
        this.signatureAlgorithm = p.algorithm();
        this.outerSignatureAlgorithm = p.outerAlgorithm();
        this.signatureAlgorithmsAgree = p.algorithmsAgree();
        this.publicKeyInfoDer = p.publicKeyInfo();
        this.keyStrength = p.keyStrength();
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

    /**
     * As {@link #of(X509Certificate, List)}, with {@code der} the certificate's {@code getEncoded()} (not copied).
     * A certificate in plain DER is split with {@link PlainCertificate}; anything unusual, and anything that
     * goes wrong on that route, is decoded by Bouncy Castle as a whole, which words what is malformed.
     */
    static Optional<CertificateFacts> of(X509Certificate certificate, byte[] der, List<String> whyNot) {
        return of(certificate, new Encoded(der), whyNot);
    }

    /** As {@link #of(X509Certificate, byte[], List)}, with the encoding already keyed. */
    static Optional<CertificateFacts> of(X509Certificate certificate, Encoded encoded, List<String> whyNot) {
        byte[] der = encoded.bytes;
        byte[] tbs;
        try {
            tbs = certificate.getTBSCertificate(); // as signed, even if not canonical DER
        } catch (CertificateEncodingException | RuntimeException e) {
            whyNot.add("it cannot be decoded (" + e.getMessage() + ")");
            return Optional.empty();
        }
        try {
            return Optional.of(plain(certificate, encoded, tbs, PlainCertificate.split(der)));
        } catch (Der.Unusual | java.io.IOException | RuntimeException e) {
            // not plain DER, or a name Bouncy Castle refuses: the general route decides and explains
        }
        return ofGeneral(certificate, encoded, tbs, whyNot);
    }

    /** Bouncy Castle's route alone; tests hold the plain route to give the same facts. */
    static Optional<CertificateFacts> ofGeneral(X509Certificate certificate, byte[] der, byte[] tbs, List<String> whyNot) {
        return ofGeneral(certificate, new Encoded(der), tbs, whyNot);
    }

    private static Optional<CertificateFacts> ofGeneral(X509Certificate certificate, Encoded encoded, byte[] tbs,
            List<String> whyNot) {
        byte[] der = encoded.bytes;
        try {
            Certificate c = Certificate.getInstance(ASN1Primitive.fromByteArray(der));
            if (c.getTBSCertificate().getExtensions() != null) {
                checkNoDuplicates(c);
            }
            return Optional.of(general(certificate, encoded, tbs, c));
        } catch (java.io.IOException | RuntimeException e) {
            whyNot.add("it cannot be decoded (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    private static CertificateFacts plain(X509Certificate certificate, Encoded der, byte[] tbs, PlainCertificate p)
            throws java.io.IOException {
        List<String> problems = new ArrayList<>();
        ExtensionFacts ext = ExtensionFacts.of(p.extensions(), problems, true);
        Parts parts = new Parts(tbs, 3, p.serial(), p.signature(), SignatureAlgorithms.identify(p.signatureAlgorithmOid(), p.signatureParameters()),
                p.signatureAlgorithm(), p.signatureAlgorithmsAgree(), p.publicKeyInfo(),
                KeyStrength.judge(p.publicKeyAlgorithm(), p.publicKeyCurve(), p.publicKeyInfo()));
        X500Name subjectName = p.subjectAttributes() == 0 ? EMPTY_NAME : X500Name.getInstance(ASN1Primitive.fromByteArray(p.subject()));
        return new CertificateFacts(certificate, der, parts, subjectName, p.subject(), p.subjectAttributes(), p.issuer(),
                p.issuer().length == 2, ext, problems);
    }

    private static CertificateFacts general(X509Certificate certificate, Encoded der, byte[] tbs, Certificate c)
            throws java.io.IOException {
        List<String> problems = new ArrayList<>();
        TBSCertificate t = c.getTBSCertificate();
        ExtensionFacts ext = ExtensionFacts.of(ExtensionFacts.raw(t.getExtensions()), problems, false);
        AlgorithmIdentifier outer = c.getSignatureAlgorithm();
        SubjectPublicKeyInfo spki = t.getSubjectPublicKeyInfo();
        Parts parts = new Parts(tbs, t.getVersionNumber(), t.getSerialNumber().getValue(), c.getSignature().getOctets(),
                SignatureAlgorithms.identify(outer), outer.getEncoded(ASN1Encoding.DER), outer.equals(t.getSignature()),
                spki.getEncoded(ASN1Encoding.DER), KeyStrength.judge(spki));
        undecodableNames(t, problems);
        return new CertificateFacts(certificate, der, parts, t.getSubject(), t.getSubject().getEncoded(ASN1Encoding.DER),
                attributes(t.getSubject()), t.getIssuer().getEncoded(ASN1Encoding.DER), t.getIssuer().getRDNs().length == 0, ext, problems);
    }

    /** A name is shown with its bad bytes escaped; the certificate is still malformed (RFC 5280 4.1.2.4: UTF8String is UTF-8). */
    private static void undecodableNames(TBSCertificate t, List<String> problems) {
        if (NameText.hasUndecodable(t.getSubject())) {
            problems.add("its subject name holds text that is not valid UTF-8 (" + DistinguishedNames.display(t.getSubject()) + ")");
        }
        if (NameText.hasUndecodable(t.getIssuer())) {
            problems.add("its issuer name holds text that is not valid UTF-8 (" + DistinguishedNames.display(t.getIssuer()) + ")");
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
            try {
                n = SignatureAlgorithms.name(AlgorithmIdentifier.getInstance(ASN1Primitive.fromByteArray(outerSignatureAlgorithm)));
            } catch (java.io.IOException | RuntimeException e) {
                n = "an unreadable algorithm"; // cannot happen: the bytes were decoded before
            }
            signatureAlgorithmName = n;
        }
        return n;
    }

    /** The subject public key info in DER (do not modify). */
    byte[] publicKeyInfoDer() {
        return publicKeyInfoDer;
    }

    /** {@link #publicKeyInfoDer()} as a map key. */
    Encoded publicKeyInfoKey() {
        Encoded k = publicKeyInfoKey;
        if (k == null) {
            k = new Encoded(publicKeyInfoDer);
            publicKeyInfoKey = k;
        }
        return k;
    }

    /** The subject as people read it: "CN=Example Intermediate CA, O=Example". */
    String display() {
        String d = display;
        if (d == null) {
            d = DistinguishedNames.display(subjectName);
            display = d;
        }
        return d;
    }

    private static final X500Name EMPTY_NAME = new X500Name(new org.bouncycastle.asn1.x500.RDN[0]);

    private static int attributes(X500Name name) {
        int n = 0;
        for (var rdn : name.getRDNs()) {
            n += rdn.size();
        }
        return n;
    }

    /**
     * The subject's public key ready to verify signatures of {@code jcaAlgorithm}, made the first time it is
     * asked for and kept: an issuer's facts are cached by exact encoding, so an intermediate seen again verifies
     * its next child without converting its key again (the JDK's certificate cache keeps its parsed key the
     * same way). Empty when the JDK cannot load the key. A benign race may prepare it twice.
     */
    Optional<IssuerKey> verificationKey(String jcaAlgorithm) {
        IssuerKey k = issuerKey;
        if (k != null && k.algorithm().equals(jcaAlgorithm) && k.usable()) {
            return Optional.of(k);
        }
        Optional<PublicKey> key = publicKey();
        if (key.isEmpty()) {
            return Optional.empty();
        }
        k = IssuerKey.of(jcaAlgorithm, key.get());
        issuerKey = k;
        return Optional.of(k);
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
        return encoded.equals(o.encoded);
    }

    /** Same subject and same key: the same CA, perhaps re-issued. */
    boolean sameCa(CertificateFacts o) {
        return Arrays.equals(publicKeyInfoDer(), o.publicKeyInfoDer()) && subject.equals(o.subject); // keys differ cheaply
    }

    @Override
    public String toString() {
        return display();
    }
}
