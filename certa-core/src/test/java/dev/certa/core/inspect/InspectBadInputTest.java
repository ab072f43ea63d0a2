package dev.certa.core.inspect;

import static dev.certa.core.inspect.InspectCertificateTest.CLOCK;
import static dev.certa.core.inspect.InspectCertificateTest.PKI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certa.core.bundle.Keystores;
import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.pem.PasswordSource;
import dev.certa.core.pem.PemWriter;
import dev.certa.core.key.SoftwareSigner;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.junit.jupiter.api.Test;

class InspectBadInputTest {

    static CertaException failure(byte[] data, String source) {
        try {
            Inspector.inspect(data, source, PasswordSource.none(), CLOCK);
        } catch (CertaException e) {
            return e;
        }
        throw new AssertionError("expected a CertaException for " + source);
    }

    @Test
    void garbageIsBadInputNamingTheFile() {
        CertaException e = failure("hello, this is not a certificate".getBytes(StandardCharsets.US_ASCII), "notes.txt");
        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
        assertThat(e.reason()).startsWith("notes.txt: this is neither PEM nor DER");
        assertThat(e.fix()).isPresent();
    }

    @Test
    void emptyAndTruncatedFilesSaySo() {
        assertThat(failure(new byte[0], "empty.pem").reason()).isEqualTo("empty.pem: the file is empty");

        String pem = PemWriter.certificate(PKI.root.certificate());
        CertaException truncated = failure(pem.substring(0, pem.length() / 2).getBytes(StandardCharsets.US_ASCII), "cut.pem");
        assertThat(truncated.kind()).isEqualTo(ErrorKind.BAD_INPUT);
        assertThat(truncated.reason()).startsWith("cut.pem").contains("truncated");
    }

    @Test
    void damagedDerIsBadInput() throws Exception {
        byte[] der = PKI.root.certificate().getEncoded();
        byte[] cut = Arrays.copyOf(der, der.length - 20);
        CertaException e = failure(cut, "root.der");
        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
        assertThat(e.reason()).startsWith("root.der");
    }

    @Test
    void malformedExtensionIsBadInputNamingFileCertificateAndExtension() throws Exception {
        X509Certificate root = PKI.root.certificate();
        X500Name name = X500Name.getInstance(root.getSubjectX500Principal().getEncoded());
        var builder = new X509v3CertificateBuilder(name, BigInteger.TEN, Date.from(CLOCK.instant()),
                Date.from(CLOCK.instant().plusSeconds(86400)), name,
                SubjectPublicKeyInfo.getInstance(PKI.rootKey.getPublic().getEncoded()));
        // basicConstraints must be a SEQUENCE; this one is a UTF8String. Marked non-critical, so the JDK's
        // parser tolerates it and inspection is the first to look inside.
        builder.addExtension(Extension.basicConstraints, false, new DERUTF8String("CA please").getEncoded());
        byte[] der = builder.build(SoftwareSigner.of(PKI.rootKey).contentSigner()).getEncoded();
        String pem = PemWriter.certificate(root) + PemWriter.block("CERTIFICATE", der);

        CertaException e = failure(pem.getBytes(StandardCharsets.US_ASCII), "odd.pem");
        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
        assertThat(e.reason()).startsWith("odd.pem (certificate 2): the certificate's basic constraints extension is malformed");
    }

    @Test
    void keystoreWithoutPasswordIsWrongPassword() {
        assertThatThrownBy(() -> Inspector.inspect(Keystores.truststore(Keystores.Format.PKCS12,
                List.of(PKI.root.certificate()), "changeit".toCharArray()), "trust.p12", PasswordSource.none(), CLOCK))
                .isInstanceOfSatisfying(CertaException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.WRONG_PASSWORD);
                    assertThat(e.reason()).startsWith("trust.p12");
                });
    }
}
