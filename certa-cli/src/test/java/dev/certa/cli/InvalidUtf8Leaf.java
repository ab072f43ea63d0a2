package dev.certa.cli;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A server certificate for {@link TrustPki#HOST} whose subject is CN = UTF8String 'a' 0xFF 'b': not UTF-8. */
final class InvalidUtf8Leaf {
    /** Name ::= SEQUENCE { SET { SEQUENCE { id-at-commonName, UTF8String 'a' 0xFF 'b' } } }. */
    static final byte[] BAD_CN = {0x30, 0x0e, 0x31, 0x0c, 0x30, 0x0a, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x03, 'a', (byte) 0xff, 'b'};

    private InvalidUtf8Leaf() {}

    /** Issued by {@code pki}'s intermediate for {@code key}, valid from yesterday for 30 days. */
    static X509Certificate issue(TrustPki pki, KeyPair key) throws Exception {
        X509Certificate intermediate = pki.intermediate();
        var b = new JcaX509v3CertificateBuilder(X500Name.getInstance(intermediate.getSubjectX500Principal().getEncoded()),
                BigInteger.valueOf(4242), Date.from(Instant.now().minus(Duration.ofDays(1))), Date.from(Instant.now().plus(Duration.ofDays(30))),
                X500Name.getInstance(BAD_CN), key.getPublic());
        var ids = new JcaX509ExtensionUtils();
        b.addExtension(Extension.authorityKeyIdentifier, false, ids.createAuthorityKeyIdentifier(intermediate));
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName, TrustPki.HOST)));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pki.pki.intermediateKey.getPrivate())));
    }
}
