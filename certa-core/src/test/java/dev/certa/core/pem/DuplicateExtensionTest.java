package dev.certa.core.pem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.key.KeyType;
import dev.certa.core.testing.TestPki;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/**
 * A certificate that carries the same extension twice (RFC 5280 4.2: "a certificate MUST NOT include
 * more than one instance of a particular extension") is named as that, not as broken base64.
 */
class DuplicateExtensionTest {
    private static final KeyPair KEY = KeyType.EC_P256.generate(TestPki.RANDOM);

    /** A self-signed certificate with basicConstraints twice, built by hand: every builder refuses it. */
    private static byte[] twiceBasicConstraints() throws Exception {
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(KEY.getPrivate());
        AlgorithmIdentifier alg = signer.getAlgorithmIdentifier();
        X500Name name = new X500Name("CN=Twice");
        Extension bc = new Extension(Extension.basicConstraints, true, new DEROctetString(new BasicConstraints(true)));
        ASN1EncodableVector tbs = new ASN1EncodableVector();
        tbs.add(new DERTaggedObject(true, 0, new ASN1Integer(2)));
        tbs.add(new ASN1Integer(BigInteger.valueOf(4242)));
        tbs.add(alg);
        tbs.add(name);
        tbs.add(new DERSequence(new Time[] {new Time(new Date(1_767_225_600_000L)), new Time(new Date(1_798_675_200_000L))}));
        tbs.add(name);
        tbs.add(SubjectPublicKeyInfo.getInstance(KEY.getPublic().getEncoded()));
        tbs.add(new DERTaggedObject(true, 3, new DERSequence(new Extension[] {bc, bc})));
        byte[] tbsDer = new DERSequence(tbs).getEncoded();
        signer.getOutputStream().write(tbsDer);
        ASN1EncodableVector cert = new ASN1EncodableVector();
        cert.add(new DERSequence(tbs));
        cert.add(alg);
        cert.add(new DERBitString(signer.getSignature()));
        return new DERSequence(cert).getEncoded();
    }

    private static void assertNamesTheDuplicate(CertaException e, String source) {
        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
        assertThat(e.reason()).startsWith(source)
                .contains("duplicate extension OID 2.5.29.19 (basicConstraints)", "RFC 5280 4.2")
                .doesNotContain("base64");
        assertThat(e.fix()).isPresent();
    }

    @Test
    void aDuplicateExtensionInPemIsNamedNotCalledBadBase64() throws Exception {
        String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(twiceBasicConstraints())
                + "\n-----END CERTIFICATE-----\n";
        CertaException e = assertThrows(CertaException.class,
                () -> PemReader.readCertificates(pem.getBytes(StandardCharsets.US_ASCII), "twice.pem"));
        assertNamesTheDuplicate(e, "twice.pem");
    }

    @Test
    void aDuplicateExtensionInDerIsNamed() throws Exception {
        byte[] der = twiceBasicConstraints();
        CertaException e = assertThrows(CertaException.class, () -> PemReader.readCertificates(der, "twice.der"));
        assertNamesTheDuplicate(e, "twice.der");
    }
}
