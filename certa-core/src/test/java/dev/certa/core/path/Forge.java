package dev.certa.core.path;

import dev.certa.core.key.KeyType;
import dev.certa.core.testing.TestPki;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates certa's issuer would refuse to make (an intermediate without the CA flag, loops,
 * thousands of look-alike CAs, absurd name constraints), built with Bouncy Castle for the path tests.
 * Key identifiers are set the way a CA sets them, so each certificate is wrong only where a test wants.
 */
final class Forge {
    /** Every forged certificate is valid throughout 2026 unless a test says otherwise. */
    static final Instant NOT_BEFORE = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant NOT_AFTER = Instant.parse("2026-12-31T00:00:00Z");
    private static final AtomicLong SERIAL = new AtomicLong(1000);

    private Forge() {}

    static KeyPair key() {
        return KeyType.EC_P256.generate(TestPki.RANDOM);
    }

    static Builder cert(String subject, KeyPair subjectKey) {
        return new Builder(new X500Name(subject), subjectKey);
    }

    /** A subject given as a name object, e.g. one read from raw DER that no string could express. */
    static Builder cert(X500Name subject, KeyPair subjectKey) {
        return new Builder(subject, subjectKey);
    }

    static final class Builder {
        private final X500Name subject;
        private final KeyPair subjectKey;
        private X500Name issuer;
        private KeyPair issuerKey;
        private X509Certificate issuerCert;
        private Instant notBefore = NOT_BEFORE;
        private Instant notAfter = NOT_AFTER;
        private boolean ca;
        private boolean skipKeyIds;
        private boolean skipKeyUsage;
        private byte[] basicConstraints;
        private Integer keyUsage;
        private final List<GeneralName> sans = new ArrayList<>();
        private final List<KeyPurposeId> ekus = new ArrayList<>();
        private final List<Extension> extra = new ArrayList<>();
        private String signature = "SHA256withECDSA";

        private Builder(X500Name subject, KeyPair subjectKey) {
            this.subject = subject;
            this.subjectKey = subjectKey;
            this.issuer = subject;
            this.issuerKey = subjectKey;
        }

        Builder issuedBy(X509Certificate cert, KeyPair key) {
            this.issuer = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
            this.issuerCert = cert;
            this.issuerKey = key;
            return this;
        }

        /** Issued under {@code name} with {@code key}, with no issuer certificate at hand (for loops). */
        Builder issuedBy(String name, KeyPair key) {
            this.issuer = new X500Name(name);
            this.issuerKey = key;
            return this;
        }

        Builder ca() {
            this.ca = true;
            return this;
        }

        Builder dns(String... names) {
            for (String n : names) {
                sans.add(new GeneralName(GeneralName.dNSName, n));
            }
            return this;
        }

        Builder serverAuth() {
            ekus.add(KeyPurposeId.id_kp_serverAuth);
            return this;
        }

        Builder clientAuth() {
            ekus.add(KeyPurposeId.id_kp_clientAuth);
            return this;
        }

        Builder validity(Instant from, Instant to) {
            this.notBefore = from;
            this.notAfter = to;
            return this;
        }

        /** No subject or authority key identifier: every look-alike stays a candidate. */
        Builder withoutKeyIds() {
            this.skipKeyIds = true;
            return this;
        }

        /** Key usage bits ({@code KeyUsage.digitalSignature | ...}) instead of the default for the role. */
        Builder keyUsage(int bits) {
            this.keyUsage = bits;
            return this;
        }

        /** No key usage extension at all. */
        Builder withoutKeyUsage() {
            this.skipKeyUsage = true;
            return this;
        }

        /** Basic constraints (critical) as the DER given, e.g. cA absent (FALSE) with a path length, which no builder makes. */
        Builder basicConstraintsDer(byte[] der) {
            this.basicConstraints = der;
            return this;
        }

        Builder extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
            try {
                extra.add(new Extension(oid, critical, value.toASN1Primitive().getEncoded()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }

        /** An extension whose value is {@code der} as given, valid or not. */
        Builder rawExtension(ASN1ObjectIdentifier oid, boolean critical, byte[] der) {
            extra.add(new Extension(oid, critical, der));
            return this;
        }

        Builder signedWith(String algorithm) {
            this.signature = algorithm;
            return this;
        }

        X509Certificate build() {
            try {
                X509v3CertificateBuilder b = new X509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                        Date.from(notBefore), Date.from(notAfter), subject,
                        SubjectPublicKeyInfo.getInstance(subjectKey.getPublic().getEncoded()));
                JcaX509ExtensionUtils ids = new JcaX509ExtensionUtils();
                if (basicConstraints != null) {
                    b.addExtension(new Extension(Extension.basicConstraints, true, basicConstraints));
                } else {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
                }
                if (!skipKeyUsage) {
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage != null ? keyUsage
                            : ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
                }
                if (!skipKeyIds) {
                    b.addExtension(Extension.subjectKeyIdentifier, false, ids.createSubjectKeyIdentifier(subjectKey.getPublic()));
                    b.addExtension(Extension.authorityKeyIdentifier, false, issuerCert != null
                            ? ids.createAuthorityKeyIdentifier(issuerCert) : ids.createAuthorityKeyIdentifier(issuerKey.getPublic()));
                }
                if (!sans.isEmpty()) {
                    b.addExtension(Extension.subjectAlternativeName, false, new DERSequence(sans.toArray(GeneralName[]::new)));
                }
                if (!ekus.isEmpty()) {
                    b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(ekus.toArray(KeyPurposeId[]::new)));
                }
                for (Extension e : extra) {
                    b.addExtension(e);
                }
                var signer = new JcaContentSignerBuilder(signature).build(issuerKey.getPrivate());
                return new JcaX509CertificateConverter().getCertificate(b.build(signer));
            } catch (Exception e) {
                throw new IllegalStateException("cannot forge a test certificate", e);
            }
        }
    }
}
