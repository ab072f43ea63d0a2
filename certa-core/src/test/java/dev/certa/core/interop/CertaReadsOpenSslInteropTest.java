package dev.certa.core.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.certa.core.bundle.Chains;
import dev.certa.core.csr.Csr;
import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.issue.IssuanceRequest;
import dev.certa.core.issue.IssuedCertificate;
import dev.certa.core.key.KeyDescription;
import dev.certa.core.key.KeyType;
import dev.certa.core.key.SoftwareSigner;
import dev.certa.core.name.SubjectAltName;
import dev.certa.core.pem.Decoded;
import dev.certa.core.pem.PasswordSource;
import dev.certa.core.pem.PemReader;
import dev.certa.core.pem.PemWriter;
import dev.certa.core.profile.Profile;
import dev.certa.core.testing.TestPki;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the openssl 3 command line writes, certa reads: private keys in every format openssl
 * produces (PKCS#8, PKCS#1, SEC1; PEM and DER; plain, legacy-encrypted, PBKDF2 and scrypt PKCS#8),
 * CSRs (which certa then issues from) and self-signed certificates.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertaReadsOpenSslInteropTest {
    private static final String PASSWORD = "openssl pass phrase";

    private final TestPki pki = new TestPki(KeyType.EC_P256, "certa reads OpenSSL");

    /**
     * A key made by openssl commands run in order; the last one writes {@code file}.
     *
     * @param format what certa should report as the key's storage format
     * @param key the key as certa describes it
     */
    record OpenSslKey(String name, String file, String format, String key, boolean encrypted, List<List<String>> commands) {
        @Override
        public String toString() {
            return name;
        }

        boolean der() {
            return file.endsWith(".der");
        }
    }

    private static OpenSslKey plain(String name, String file, String format, String key, List<List<String>> commands) {
        return new OpenSslKey(name, file, format, key, false, commands);
    }

    private static OpenSslKey encrypted(String name, String file, String format, String key, List<List<String>> commands) {
        return new OpenSslKey(name, file, format, key, true, commands);
    }

    private static List<String> genpkey(String out, String... algorithm) {
        List<String> c = new ArrayList<>(List.of("genpkey"));
        c.addAll(List.of(algorithm));
        c.addAll(List.of("-out", out));
        return c;
    }

    private static final String[] RSA_2048 = {"-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"};
    private static final String[] RSA_3072 = {"-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:3072"};
    private static final String[] P256 = {"-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"};
    private static final String[] P384 = {"-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"};
    private static final String[] ED25519 = {"-algorithm", "ED25519"};
    private static final List<String> GENRSA_PKCS1 = List.of("genrsa", "-traditional", "-out", "plain.pem", "2048");
    private static final List<String> ECPARAM_SEC1 =
            List.of("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "plain.pem");

    private static List<String> topk8(String out, String... extra) {
        List<String> c = new ArrayList<>(List.of("pkcs8", "-topk8", "-in", "plain.pem", "-passout", "pass:" + PASSWORD));
        c.addAll(List.of(extra));
        c.addAll(List.of("-out", out));
        return c;
    }

    Stream<OpenSslKey> opensslKeys() {
        return Stream.of(
                plain("genpkey RSA 2048", "key.pem", "PKCS#8", "RSA 2048", List.of(genpkey("key.pem", RSA_2048))),
                plain("genpkey RSA 3072", "key.pem", "PKCS#8", "RSA 3072", List.of(genpkey("key.pem", RSA_3072))),
                plain("genpkey EC P-256", "key.pem", "PKCS#8", "EC P-256", List.of(genpkey("key.pem", P256))),
                plain("genpkey EC P-384", "key.pem", "PKCS#8", "EC P-384", List.of(genpkey("key.pem", P384))),
                plain("genpkey Ed25519", "key.pem", "PKCS#8", "Ed25519", List.of(genpkey("key.pem", ED25519))),
                plain("genrsa -traditional (PKCS#1)", "key.pem", "PKCS#1 RSA", "RSA 2048",
                        List.of(List.of("genrsa", "-traditional", "-out", "key.pem", "2048"))),
                plain("ecparam -genkey -noout P-256 (SEC1)", "key.pem", "SEC1 EC", "EC P-256",
                        List.of(List.of("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "key.pem"))),
                plain("ecparam -genkey -noout P-384 (SEC1)", "key.pem", "SEC1 EC", "EC P-384",
                        List.of(List.of("ecparam", "-name", "secp384r1", "-genkey", "-noout", "-out", "key.pem"))),
                encrypted("rsa -aes256 -traditional", "key.pem", "legacy encrypted PEM (PKCS#1 RSA)", "RSA 2048",
                        List.of(GENRSA_PKCS1, List.of("rsa", "-in", "plain.pem", "-aes256", "-traditional",
                                "-passout", "pass:" + PASSWORD, "-out", "key.pem"))),
                encrypted("ec -aes256", "key.pem", "legacy encrypted PEM (SEC1 EC)", "EC P-256",
                        List.of(ECPARAM_SEC1, List.of("ec", "-in", "plain.pem", "-aes256",
                                "-passout", "pass:" + PASSWORD, "-out", "key.pem"))),
                encrypted("pkcs8 -topk8 -v2 aes-256-cbc RSA", "key.pem", "PKCS#8 encrypted", "RSA 2048",
                        List.of(genpkey("plain.pem", RSA_2048), topk8("key.pem", "-v2", "aes-256-cbc"))),
                encrypted("pkcs8 -topk8 -v2 aes-256-cbc EC P-256", "key.pem", "PKCS#8 encrypted", "EC P-256",
                        List.of(genpkey("plain.pem", P256), topk8("key.pem", "-v2", "aes-256-cbc"))),
                encrypted("pkcs8 -topk8 -v2 aes-256-cbc Ed25519", "key.pem", "PKCS#8 encrypted", "Ed25519",
                        List.of(genpkey("plain.pem", ED25519), topk8("key.pem", "-v2", "aes-256-cbc"))),
                encrypted("pkcs8 -topk8 -scrypt EC P-384", "key.pem", "PKCS#8 encrypted", "EC P-384",
                        List.of(genpkey("plain.pem", P384), topk8("key.pem", "-scrypt"))),
                encrypted("pkcs8 -topk8 -scrypt Ed25519", "key.pem", "PKCS#8 encrypted", "Ed25519",
                        List.of(genpkey("plain.pem", ED25519), topk8("key.pem", "-scrypt"))),
                encrypted("genpkey -aes-256-cbc EC P-256", "key.pem", "PKCS#8 encrypted", "EC P-256",
                        List.of(genpkey("key.pem", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256",
                                "-aes-256-cbc", "-pass", "pass:" + PASSWORD))),
                // openssl 3.0's "pkey -outform DER" writes RSA and EC keys in their traditional form
                // (PKCS#1, SEC1); only key types without one, such as Ed25519, come out as PKCS#8.
                plain("pkey -outform DER RSA (PKCS#1 DER)", "key.der", "PKCS#1 RSA (DER)", "RSA 2048",
                        List.of(genpkey("plain.pem", RSA_2048),
                                List.of("pkey", "-in", "plain.pem", "-outform", "DER", "-out", "key.der"))),
                plain("pkey -outform DER EC P-256 (SEC1 DER)", "key.der", "SEC1 EC (DER)", "EC P-256",
                        List.of(genpkey("plain.pem", P256),
                                List.of("pkey", "-in", "plain.pem", "-outform", "DER", "-out", "key.der"))),
                plain("pkey -outform DER Ed25519 (PKCS#8 DER)", "key.der", "PKCS#8 (DER)", "Ed25519",
                        List.of(genpkey("plain.pem", ED25519),
                                List.of("pkey", "-in", "plain.pem", "-outform", "DER", "-out", "key.der"))),
                plain("pkcs8 -topk8 -nocrypt -outform DER RSA (PKCS#8 DER)", "key.der", "PKCS#8 (DER)", "RSA 2048",
                        List.of(genpkey("plain.pem", RSA_2048), List.of("pkcs8", "-topk8", "-nocrypt", "-in", "plain.pem",
                                "-outform", "DER", "-out", "key.der"))),
                plain("pkcs8 -topk8 -nocrypt -outform DER EC P-384 (PKCS#8 DER)", "key.der", "PKCS#8 (DER)", "EC P-384",
                        List.of(genpkey("plain.pem", P384), List.of("pkcs8", "-topk8", "-nocrypt", "-in", "plain.pem",
                                "-outform", "DER", "-out", "key.der"))),
                encrypted("pkcs8 -topk8 -v2 aes-256-cbc -outform DER EC P-256", "key.der", "PKCS#8 encrypted (DER)",
                        "EC P-256", List.of(genpkey("plain.pem", P256),
                                topk8("key.der", "-v2", "aes-256-cbc", "-outform", "DER"))),
                plain("rsa -traditional -outform DER (PKCS#1 DER)", "key.der", "PKCS#1 RSA (DER)", "RSA 2048",
                        List.of(GENRSA_PKCS1,
                                List.of("rsa", "-in", "plain.pem", "-traditional", "-outform", "DER", "-out", "key.der"))),
                plain("ec -outform DER (SEC1 DER)", "key.der", "SEC1 EC (DER)", "EC P-256",
                        List.of(ECPARAM_SEC1, List.of("ec", "-in", "plain.pem", "-outform", "DER", "-out", "key.der"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("opensslKeys")
    void readsTheKeyWhichSignsAndMatchesOpenSslsPublicKey(OpenSslKey k, @TempDir Path dir) throws Exception {
        for (List<String> command : k.commands()) {
            OpenSsl.ok(dir, command.toArray(String[]::new));
        }
        byte[] data = Files.readAllBytes(dir.resolve(k.file()));
        PasswordSource passwords = k.encrypted() ? PasswordSource.of(PASSWORD) : PasswordSource.none();

        Decoded.PrivateKey key = PemReader.readPrivateKey(data, k.file(), passwords);

        assertThat(key.format()).isEqualTo(k.format());
        assertThat(key.encrypted()).isEqualTo(k.encrypted());
        assertThat(KeyDescription.of(key.keyPair().getPublic()).display()).isEqualTo(k.key());

        List<String> pubout = new ArrayList<>(List.of("pkey", "-in", k.file(), "-pubout", "-out", "pub.pem"));
        if (k.der()) {
            pubout.addAll(List.of("-inform", "DER"));
        }
        if (k.encrypted()) {
            pubout.addAll(List.of("-passin", "pass:" + PASSWORD));
        }
        OpenSsl.ok(dir, pubout.toArray(String[]::new));
        assertThat(PemWriter.publicKey(key.keyPair().getPublic())).isEqualTo(Files.readString(dir.resolve("pub.pem")));

        SoftwareSigner signer = SoftwareSigner.of(key.keyPair());
        byte[] message = ("signed by certa with a key openssl made: " + k.name()).getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("data.bin"), message);
        Files.write(dir.resolve("sig.bin"), signer.sign(message));
        if (k.key().equals("Ed25519")) {
            assertThat(OpenSsl.ok(dir, "pkeyutl", "-verify", "-pubin", "-inkey", "pub.pem", "-rawin", "-in", "data.bin",
                    "-sigfile", "sig.bin")).contains("Signature Verified Successfully");
        } else {
            String digest = signer.algorithm().startsWith("SHA384") ? "-sha384" : "-sha256";
            assertThat(OpenSsl.ok(dir, "dgst", digest, "-verify", "pub.pem", "-signature", "sig.bin", "data.bin"))
                    .contains("Verified OK");
        }

        if (k.encrypted()) {
            CertaException wrong = catchThrowableOfType(CertaException.class,
                    () -> PemReader.readPrivateKey(data, k.file(), PasswordSource.of("not the pass phrase")));
            assertThat(wrong.kind()).isEqualTo(ErrorKind.WRONG_PASSWORD);
            assertThat(wrong.reason()).contains(k.file()).contains("password does not decrypt");
            CertaException none = catchThrowableOfType(CertaException.class,
                    () -> PemReader.readPrivateKey(data, k.file(), PasswordSource.none()));
            assertThat(none.kind()).isEqualTo(ErrorKind.WRONG_PASSWORD);
            assertThat(none.reason()).contains("no password was given");
        }
    }

    /** {@code openssl req -new} key options and how certa describes the key. */
    Stream<List<String>> csrKeys() {
        return Stream.of(
                List.of("RSA 2048", "rsa:2048"),
                List.of("EC P-256", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"),
                List.of("EC P-384", "ec", "-pkeyopt", "ec_paramgen_curve:P-384"),
                List.of("Ed25519", "ed25519"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("csrKeys")
    void issuesFromAnOpenSslCsrAndOpenSslVerifiesTheResult(List<String> keySpec, @TempDir Path dir) throws Exception {
        List<String> req = new ArrayList<>(List.of("req", "-new", "-newkey"));
        req.addAll(keySpec.subList(1, keySpec.size()));
        req.addAll(List.of("-noenc", "-keyout", "csr-key.pem", "-subj", "/CN=api.example.com/O=Example Corp",
                "-addext", "subjectAltName=DNS:api.example.com,DNS:www.example.com,IP:10.0.0.5", "-out", "csr.pem"));
        OpenSsl.ok(dir, req.toArray(String[]::new));
        OpenSsl.ok(dir, "req", "-in", "csr.pem", "-outform", "DER", "-out", "csr.der");

        Csr csr = PemReader.readCsr(Files.readAllBytes(dir.resolve("csr.pem")), "csr.pem");
        Csr fromDer = PemReader.readCsr(Files.readAllBytes(dir.resolve("csr.der")), "csr.der");

        assertThat(fromDer.der()).isEqualTo(csr.der());
        assertThat(csr.signatureValid()).isTrue();
        assertThat(csr.keyDescription().display()).isEqualTo(keySpec.get(0));
        assertThat(csr.subjectAltNames()).containsExactly(SubjectAltName.dns("api.example.com"),
                SubjectAltName.dns("www.example.com"), SubjectAltName.ip("10.0.0.5"));

        IssuedCertificate issued = pki.issuer.issue(
                IssuanceRequest.fromCsr(csr.requireValidSignature("csr.pem"), new Profile.TlsServer(), List.of()),
                pki.intermediateCa);
        Files.writeString(dir.resolve("root.pem"), PemWriter.certificate(pki.root.certificate()));
        Files.writeString(dir.resolve("fullchain.pem"), PemWriter.certificates(issued.fullChain()));
        Files.writeString(dir.resolve("leaf.pem"), PemWriter.certificate(issued.certificate()));

        String verified = OpenSsl.ok(dir, "verify", "-x509_strict", "-purpose", "sslserver", "-verify_hostname",
                "www.example.com", "-CAfile", "root.pem", "-untrusted", "fullchain.pem", "leaf.pem");
        assertThat(verified).contains("leaf.pem: OK");
        assertThat(OpenSsl.ok(dir, "x509", "-noout", "-subject", "-in", "leaf.pem"))
                .contains("subject=CN = api.example.com, O = Example Corp");
        String certKey = OpenSsl.ok(dir, "x509", "-noout", "-pubkey", "-in", "leaf.pem");
        String opensslKey = OpenSsl.ok(dir, "pkey", "-pubout", "-in", "csr-key.pem");
        assertThat(certKey).as("the certificate holds the key openssl generated").isEqualTo(opensslKey);
    }

    @Test
    void aCsrWithATamperedSignatureIsReadButRefused(@TempDir Path dir) throws Exception {
        OpenSsl.ok(dir, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-noenc",
                "-keyout", "k.pem", "-subj", "/CN=api.example.com", "-outform", "DER", "-out", "csr.der");
        byte[] der = Files.readAllBytes(dir.resolve("csr.der"));
        der[der.length - 1] ^= 0x01; // the last byte belongs to the signature

        Csr csr = PemReader.readCsr(der, "csr.der");

        assertThat(csr.signatureValid()).isFalse();
        CertaException e = catchThrowableOfType(CertaException.class, () -> csr.requireValidSignature("csr.der"));
        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_SIGNATURE);
        assertThat(e.reason()).contains("csr.der").contains("signature does not verify");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa:2048", "ec", "ed25519"})
    void readsSelfSignedCertificatesInPemAndDer(String newkey, @TempDir Path dir) throws Exception {
        List<String> req = new ArrayList<>(List.of("req", "-x509", "-newkey", newkey));
        if (newkey.equals("ec")) {
            req.addAll(List.of("-pkeyopt", "ec_paramgen_curve:P-256"));
        }
        req.addAll(List.of("-noenc", "-keyout", "self-key.pem", "-subj", "/CN=selfsigned.example/O=Example Corp",
                "-days", "30", "-addext", "subjectAltName=DNS:selfsigned.example,IP:192.0.2.7", "-out", "self.pem"));
        OpenSsl.ok(dir, req.toArray(String[]::new));
        OpenSsl.ok(dir, "x509", "-in", "self.pem", "-outform", "DER", "-out", "self.der");

        List<X509Certificate> pem = PemReader.readCertificates(Files.readAllBytes(dir.resolve("self.pem")), "self.pem");
        List<X509Certificate> der = PemReader.readCertificates(Files.readAllBytes(dir.resolve("self.der")), "self.der");

        assertThat(pem).hasSize(1).isEqualTo(der);
        X509Certificate c = pem.get(0);
        assertThat(c.getSubjectX500Principal().getName()).isEqualTo("O=Example Corp,CN=selfsigned.example");
        assertThat(c.getSubjectAlternativeNames().stream().map(l -> (Object) l.get(1))).containsExactly("selfsigned.example", "192.0.2.7");
        assertThat(Chains.isSelfSigned(c)).isTrue();
        String serial = OpenSsl.ok(dir, "x509", "-noout", "-serial", "-in", "self.pem").trim();
        assertThat(c.getSerialNumber()).isEqualTo(new BigInteger(serial.substring(serial.indexOf('=') + 1), 16));
        String fingerprint = OpenSsl.ok(dir, "x509", "-noout", "-fingerprint", "-sha256", "-in", "self.der",
                "-inform", "DER").trim();
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
        assertThat(fingerprint).endsWith("=" + HexFormat.ofDelimiter(":").withUpperCase().formatHex(sha256));
    }

    @Test
    void readsABundleOfCertificatesInFileOrder(@TempDir Path dir) throws Exception {
        OpenSsl.ok(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-noenc",
                "-keyout", "a-key.pem", "-subj", "/CN=first.example", "-days", "30", "-out", "a.pem");
        OpenSsl.ok(dir, "req", "-x509", "-newkey", "ed25519", "-noenc",
                "-keyout", "b-key.pem", "-subj", "/CN=second.example", "-days", "30", "-out", "b.pem");
        String bundle = Files.readString(dir.resolve("a.pem")) + Files.readString(dir.resolve("b.pem"));

        List<X509Certificate> certs = PemReader.readCertificates(bundle.getBytes(StandardCharsets.US_ASCII), "bundle.pem");

        assertThat(certs).extracting(c -> c.getSubjectX500Principal().getName())
                .containsExactly("CN=first.example", "CN=second.example");
    }
}
