package dev.certa.core.pem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.key.KeyType;
import dev.certa.core.testing.OpenSsl;
import dev.certa.core.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Every way a file handed to certa can be wrong, and the error that names the file and says what to do. */
class PemReaderBadInputTest {
    private static final TestPki PKI = new TestPki(KeyType.EC_P256, "Bad Input");
    private static final KeyPair KEY = KeyType.EC_P256.generate(TestPki.RANDOM);
    private static final String CERT_PEM = PemWriter.certificate(PKI.root.certificate());

    private static CertaException refused(ErrorKind kind, String source, Executable read) {
        CertaException e = assertThrows(CertaException.class, read);
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.reason()).as("the error names the file").startsWith(source);
        assertThat(e.fix()).as("the error says what to do").isPresent();
        return e;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aTextFileIsNeitherPemNorDerAndItsStartIsShown() {
        CertaException e = refused(ErrorKind.BAD_INPUT, "notes.txt",
                () -> PemReader.readCertificates(ascii("hello, this is not a certificate\n"), "notes.txt"));
        assertThat(e.reason()).isEqualTo("notes.txt: this is neither PEM nor DER (it begins with 'hello, this ')");
        assertThat(e.fix().orElseThrow()).contains("-----BEGIN");
    }

    @Test
    void anEmptyFileIsCalledEmpty() {
        CertaException e = refused(ErrorKind.BAD_INPUT, "server.crt", () -> PemReader.readCertificates(new byte[0], "server.crt"));
        assertThat(e.reason()).isEqualTo("server.crt: the file is empty");
        assertThat(e.fix()).hasValue("check that this is the right file");
    }

    @Test
    void anOversizedFileIsRefusedBeforeParsing() {
        byte[] huge = new byte[PemReader.MAX_INPUT_BYTES + 1];
        Arrays.fill(huge, (byte) 'A');
        CertaException e = refused(ErrorKind.BAD_INPUT, "backup.tar", () -> PemReader.read(huge, "backup.tar", PasswordSource.none()));
        assertThat(e.reason()).isEqualTo("backup.tar: the file is 16 MiB, too large to be a certificate, key or CSR");
        // the limit itself is accepted (and then fails as what it is: not PEM or DER)
        CertaException atLimit = refused(ErrorKind.BAD_INPUT, "backup.tar",
                () -> PemReader.read(Arrays.copyOf(huge, PemReader.MAX_INPUT_BYTES), "backup.tar", PasswordSource.none()));
        assertThat(atLimit.reason()).contains("neither PEM nor DER");
    }

    @Test
    void aPemFileWhoseEndLineWasCutOffIsCalledTruncated() {
        String cut = CERT_PEM.substring(0, CERT_PEM.indexOf("-----END"));
        CertaException e = refused(ErrorKind.BAD_INPUT, "server.crt", () -> PemReader.readCertificates(ascii(cut), "server.crt"));
        assertThat(e.reason()).isEqualTo("server.crt (PEM block 1): the file is truncated (its -----END line is missing)");
        assertThat(e.fix()).hasValue("obtain an intact copy of the file");
    }

    @Test
    void aPemFileCutInTheMiddleOfItsBase64IsCalledTruncated() {
        String cut = CERT_PEM.substring(0, CERT_PEM.length() / 2);
        CertaException e = refused(ErrorKind.BAD_INPUT, "server.crt", () -> PemReader.readCertificates(ascii(cut), "server.crt"));
        assertThat(e.reason()).contains("truncated");
    }

    @Test
    void garbageInsideValidBeginEndLinesIsCalledDamaged() {
        String garbage = "-----BEGIN CERTIFICATE-----\n!!!! this is *not* base64 ????\n-----END CERTIFICATE-----\n";
        CertaException e = refused(ErrorKind.BAD_INPUT, "server.crt",
                () -> PemReader.readCertificates(ascii(garbage), "server.crt"));
        assertThat(e.reason()).startsWith("server.crt (PEM block 1): the file is damaged");
        assertThat(e.fix()).hasValue("obtain an intact copy of the file");
    }

    @Test
    void validBase64ThatIsNotACertificateIsCalledDamaged() {
        String junk = PemWriter.block("CERTIFICATE", ascii("these bytes are not DER at all"));
        CertaException e = refused(ErrorKind.BAD_INPUT, "server.crt", () -> PemReader.readCertificates(ascii(junk), "server.crt"));
        assertThat(e.reason()).startsWith("server.crt (PEM block 1): the file is damaged");
    }

    @Test
    void theSecondOfTwoBlocksIsNamedWhenItIsTheDamagedOne() {
        String second = CERT_PEM + "-----BEGIN CERTIFICATE-----\nAAAA!!!!\n-----END CERTIFICATE-----\n";
        CertaException e = refused(ErrorKind.BAD_INPUT, "chain.pem", () -> PemReader.readCertificates(ascii(second), "chain.pem"));
        assertThat(e.reason()).startsWith("chain.pem (PEM block 2): ");
    }

    @Test
    void aPemBlockOfAnUnknownTypeIsNamed() {
        String other = PemWriter.block("OPENSSH PRIVATE KEY", ascii("openssh-key-v1"));
        CertaException e = refused(ErrorKind.BAD_INPUT, "id_ed25519", () -> PemReader.read(ascii(other), "id_ed25519",
                PasswordSource.none()));
        assertThat(e.reason()).isEqualTo("id_ed25519 (PEM block 1): the file has a PEM block of a type certa does not read"
                + " (OPENSSH PRIVATE KEY)");
        assertThat(e.fix().orElseThrow()).as("the file is not damaged").doesNotContain("intact")
                .contains("pass a certificate, CSR, private or public key");
    }

    @Test
    void truncatedDerIsCalledDamagedOrTruncated() throws Exception {
        byte[] der = PKI.root.certificate().getEncoded();
        byte[] cut = Arrays.copyOf(der, der.length / 2);
        CertaException e = refused(ErrorKind.BAD_INPUT, "server.der", () -> PemReader.readCertificates(cut, "server.der"));
        assertThat(e.reason()).isEqualTo("server.der: the DER data is damaged or truncated");
    }

    @Test
    void aPrivateKeyWhereACertificateWasExpectedIsCalledAPrivateKey() {
        byte[] keyPem = ascii(PemWriter.privateKey(KEY.getPrivate()));
        CertaException e = refused(ErrorKind.BAD_INPUT, "server.key", () -> PemReader.readCertificates(keyPem, "server.key"));
        assertThat(e.reason()).isEqualTo("server.key: this is a private key, not a certificate");
        assertThat(e.fix()).hasValue("pass the certificate file; keep private keys in a file of their own");
        // DER too
        CertaException der = refused(ErrorKind.BAD_INPUT, "server.key.der",
                () -> PemReader.readCertificate(KEY.getPrivate().getEncoded(), "server.key.der"));
        assertThat(der.reason()).isEqualTo("server.key.der: this is a private key, not a certificate");
    }

    @Test
    void aPrivateKeyWhereACsrWasExpectedAsksForTheCsrNotACertificate() {
        byte[] keyPem = ascii(PemWriter.privateKey(KEY.getPrivate()));
        CertaException e = refused(ErrorKind.BAD_INPUT, "server.key", () -> PemReader.readCsr(keyPem, "server.key"));
        assertThat(e.reason()).isEqualTo("server.key: this is a private key, not a certificate signing request");
        assertThat(e.fix()).hasValue("pass the certificate signing request file; keep private keys in a file of their own");
    }

    @Test
    void aCertificateWhereACsrOrKeyWasExpectedIsNamed() {
        CertaException csr = refused(ErrorKind.BAD_INPUT, "request.csr", () -> PemReader.readCsr(ascii(CERT_PEM), "request.csr"));
        assertThat(csr.reason()).isEqualTo("request.csr: this is a certificate, not a certificate signing request");
        CertaException key = refused(ErrorKind.BAD_INPUT, "server.crt",
                () -> PemReader.readPrivateKey(ascii(CERT_PEM), "server.crt", PasswordSource.none()));
        assertThat(key.reason()).isEqualTo("server.crt: holds no private key (it has only certificates)");
        assertThat(key.fix().orElseThrow()).contains("key file");
    }

    @Test
    void twoCertificatesWhereOneWasExpectedAreCounted() {
        byte[] two = ascii(CERT_PEM + PemWriter.certificate(PKI.intermediate.certificate()));
        assertThat(PemReader.readCertificates(two, "chain.pem")).hasSize(2);
        CertaException e = refused(ErrorKind.BAD_INPUT, "chain.pem", () -> PemReader.readCertificate(two, "chain.pem"));
        assertThat(e.reason()).isEqualTo("chain.pem: expected one certificate, found 2");
    }

    @Test
    void anEncryptedKeyWithoutAPasswordAsksForOne() {
        byte[] enc = ascii(PemWriter.encryptedPrivateKey(KEY.getPrivate(), "right".toCharArray(), TestPki.RANDOM));
        CertaException e = refused(ErrorKind.WRONG_PASSWORD, "ca.key",
                () -> PemReader.readPrivateKey(enc, "ca.key", PasswordSource.none()));
        assertThat(e.reason()).isEqualTo("ca.key: the private key is encrypted and no password was given");
        assertThat(e.fix().orElseThrow()).contains("--password-file").contains("CERTA_PASSWORD");
    }

    @Test
    void anEncryptedKeyWithTheWrongPasswordSaysSo() {
        byte[] enc = ascii(PemWriter.encryptedPrivateKey(KEY.getPrivate(), "right".toCharArray(), TestPki.RANDOM));
        CertaException e = refused(ErrorKind.WRONG_PASSWORD, "ca.key",
                () -> PemReader.readPrivateKey(enc, "ca.key", PasswordSource.of("wrong")));
        assertThat(e.reason()).isEqualTo("ca.key: the password does not decrypt this key");
        assertThat(e.fix().orElseThrow()).contains("check the password");
        // the right one works, so the test above is about the password and nothing else
        var key = PemReader.readPrivateKey(enc, "ca.key", PasswordSource.of("right"));
        assertThat(key.keyPair().getPublic()).isEqualTo(KEY.getPublic());
        assertThat(key.encrypted()).isTrue();
    }

    @Test
    void aLegacyOpensslEncryptedKeyWithWrongOrNoPasswordIsWrongPassword(@TempDir Path dir) {
        OpenSsl openssl = new OpenSsl(dir);
        Path plain = openssl.ecKey("plain.key", "P-256");
        Path legacy = openssl.run("legacy.key", "openssl", "ec", "-in", plain.getFileName().toString(), "-aes256",
                "-passout", "pass:right", "-out", "legacy.key");
        byte[] data = OpenSsl.bytes(legacy);
        assertThat(new String(data, StandardCharsets.US_ASCII)).contains("Proc-Type: 4,ENCRYPTED");
        refused(ErrorKind.WRONG_PASSWORD, "legacy.key", () -> PemReader.readPrivateKey(data, "legacy.key", PasswordSource.none()));
        CertaException wrong = refused(ErrorKind.WRONG_PASSWORD, "legacy.key",
                () -> PemReader.readPrivateKey(data, "legacy.key", PasswordSource.of("wrong")));
        assertThat(wrong.reason()).isEqualTo("legacy.key: the password does not decrypt this key");
        assertThat(PemReader.readPrivateKey(data, "legacy.key", PasswordSource.of("right")).format())
                .isEqualTo("legacy encrypted PEM (SEC1 EC)");
    }

    @Test
    void anEncryptedKeyWhereACertificateOrCsrWasExpectedIsCalledAKeyNotAPasswordProblem() {
        byte[] enc = ascii(PemWriter.encryptedPrivateKey(KEY.getPrivate(), "pw".toCharArray(), TestPki.RANDOM));
        // no password could help here: the user passed the wrong file
        CertaException cert = refused(ErrorKind.BAD_INPUT, "server.crt", () -> PemReader.readCertificates(enc, "server.crt"));
        assertThat(cert.reason()).isEqualTo("server.crt: this is an encrypted private key, not a certificate");
        assertThat(cert.fix()).hasValue("pass the certificate file; keep private keys in a file of their own");
        CertaException csr = refused(ErrorKind.BAD_INPUT, "req.csr", () -> PemReader.readCsr(enc, "req.csr"));
        assertThat(csr.reason()).isEqualTo("req.csr: this is an encrypted private key, not a certificate signing request");
    }

    @Test
    void base64WithoutPemLinesIsNotMistakenForDer() {
        byte[] bare = ascii(Base64.getEncoder().encodeToString(KEY.getPublic().getEncoded()));
        CertaException e = refused(ErrorKind.BAD_INPUT, "key.b64", () -> PemReader.read(bare, "key.b64", PasswordSource.none()));
        assertThat(e.reason()).contains("neither PEM nor DER");
    }

    @Test
    void goodInputStillReads() {
        List<Decoded> all = PemReader.read(ascii(CERT_PEM + PemWriter.privateKey(KEY.getPrivate())), "bundle.pem",
                PasswordSource.none());
        assertThat(all).extracting(Decoded::kind).containsExactly("certificate", "private key");
    }
}
