package dev.certa.core.csr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.key.KeyType;
import dev.certa.core.key.SoftwareSigner;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.name.SubjectAltName;
import dev.certa.core.pem.PemReader;
import dev.certa.core.pem.PemWriter;
import dev.certa.core.testing.Keys;
import dev.certa.core.testing.OpenSsl;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CsrBadInputTest {

    private static Csr csrFor(KeyType type) {
        return new CsrBuilder(DistinguishedNames.parse("CN=api.example.com"))
                .addSubjectAltName(SubjectAltName.dns("api.example.com"))
                .sign(SoftwareSigner.of(Keys.of(type)));
    }

    private static void assertBadSignature(Csr csr, String source) {
        assertThat(csr.signatureValid()).isFalse();
        CertaException e = assertThrows(CertaException.class, () -> csr.requireValidSignature(source));
        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_SIGNATURE);
        assertThat(e.reason()).isEqualTo(source + ": the CSR's signature does not verify (it was altered, or signed with"
                + " another key)");
        assertThat(e.fix()).hasValue("create the CSR again from the private key that belongs with it");
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"EC_P256", "EC_P384", "RSA_2048", "ED25519"})
    void aFlippedByteInTheSignatureIsRefused(KeyType type) {
        Csr good = csrFor(type);
        assertThat(good.requireValidSignature("api.csr")).isSameAs(good);
        byte[] der = good.der();
        der[der.length - 1] ^= 0x01; // the last byte is inside the signature BIT STRING
        assertBadSignature(Csr.fromDer(der, "api.csr"), "api.csr");
    }

    @Test
    void anAlteredSubjectIsRefused() {
        byte[] der = csrFor(KeyType.EC_P256).der();
        byte[] name = "api.example.com".getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(der, name);
        assertThat(at).as("the subject CN is in the DER").isPositive();
        der[at] = 'x'; // "xpi.example.com": same length, still well-formed
        Csr altered = Csr.fromDer(der, "api.csr");
        assertThat(altered.subject().toString()).contains("xpi.example.com");
        assertBadSignature(altered, "api.csr");
    }

    @Test
    void anOpensslCsrWithAFlippedByteIsRefusedAfterReadingItFromPem(@TempDir Path dir) {
        OpenSsl openssl = new OpenSsl(dir);
        Path csrFile = openssl.csr("req.csr", openssl.ecKey("req.key", "P-256"), "/CN=web.example.com",
                "subjectAltName=DNS:web.example.com");
        byte[] der = PemReader.readCsr(OpenSsl.bytes(csrFile), "req.csr").requireValidSignature("req.csr").der();
        der[der.length - 2] ^= 0x40;
        byte[] pem = PemWriter.block("CERTIFICATE REQUEST", der).getBytes(StandardCharsets.US_ASCII);
        assertBadSignature(PemReader.readCsr(pem, "req.csr"), "req.csr");
    }

    @Test
    void truncatedCsrDerIsCalledDamaged() {
        byte[] der = csrFor(KeyType.EC_P256).der();
        byte[] cut = Arrays.copyOf(der, der.length - 20);
        CertaException direct = assertThrows(CertaException.class, () -> Csr.fromDer(cut, "req.der"));
        assertThat(direct.kind()).isEqualTo(ErrorKind.BAD_INPUT);
        assertThat(direct.reason()).isEqualTo("req.der: the certificate signing request is damaged (not valid DER)");
        assertThat(direct.fix().orElseThrow()).contains("create the CSR again");
        CertaException read = assertThrows(CertaException.class, () -> PemReader.readCsr(cut, "req.der"));
        assertThat(read.kind()).isEqualTo(ErrorKind.BAD_INPUT);
        assertThat(read.reason()).isEqualTo("req.der: the DER data is damaged or truncated");
    }

    /** A CSR, correctly signed, whose extensionRequest holds {@code value} as the extension {@code oid}. */
    private static Csr withExtension(ASN1ObjectIdentifier oid, ASN1Encodable value) throws Exception {
        SoftwareSigner signer = SoftwareSigner.of(Keys.of(KeyType.EC_P256));
        ExtensionsGenerator ext = new ExtensionsGenerator();
        ext.addExtension(oid, false, value);
        var builder = new PKCS10CertificationRequestBuilder(DistinguishedNames.parse("CN=api.example.com"),
                SubjectPublicKeyInfo.getInstance(signer.publicKey().getEncoded()));
        builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate());
        return Csr.of(builder.build(signer.contentSigner())).requireValidSignature("req.csr");
    }

    /** Found by CsrPemFuzzTest (its seed crash-san-not-general-names.pem): an IllegalArgumentException escaped. */
    @Test
    void aSubjectAltNameExtensionThatIsNotAListOfNamesIsRefused() throws Exception {
        Csr csr = withExtension(Extension.subjectAlternativeName, new ASN1Integer(7));
        CertaException e = assertThrows(CertaException.class, csr::subjectAltNames);
        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
        assertThat(e.reason()).isEqualTo("the CSR's subjectAltName extension is not a valid list of names");
        assertThat(e.fix().orElseThrow()).contains("create the CSR again");
    }

    @Test
    void aMalformedBasicConstraintsExtensionIsRefused() throws Exception {
        Csr csr = withExtension(Extension.basicConstraints, new DERSequence(new DERUTF8String("yes")));
        CertaException e = assertThrows(CertaException.class, csr::requestsCa);
        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
        assertThat(e.reason()).isEqualTo("the CSR's basicConstraints extension is malformed");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
