package dev.certa.core.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.bundle.Keystores;
import dev.certa.core.csr.Csr;
import dev.certa.core.csr.CsrBuilder;
import dev.certa.core.key.KeyType;
import dev.certa.core.key.SoftwareSigner;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.name.SubjectAltName;
import dev.certa.core.pem.PemReader;
import dev.certa.core.pem.PemWriter;
import dev.certa.core.profile.Profile;
import dev.certa.core.testing.TestPki;
import dev.certa.core.testing.Tools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What certa writes, the openssl 3 command line reads: certificates, CSRs, plain and encrypted
 * keys, PKCS#12 files, and chains that {@code openssl verify} accepts for the right TLS purpose.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenSslReadsCertaInteropTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final String WRONG_PASSWORD = "incorrect horse";

    private final Map<KeyType, TestPki> pkis = new EnumMap<>(KeyType.class);
    private final Map<KeyType, TestPki.Leaf> serverLeaves = new EnumMap<>(KeyType.class);

    private TestPki pki(KeyType type) {
        return pkis.computeIfAbsent(type, t -> new TestPki(t, "OpenSSL reads " + t.id()));
    }

    private TestPki.Leaf serverLeaf(KeyType type) {
        return serverLeaves.computeIfAbsent(type, t -> pki(t).leaf(new Profile.TlsServer(), "api.example.com", "10.0.0.5"));
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void opensslPrintsEveryCertificateOfTheChain(KeyType type, @TempDir Path dir) throws Exception {
        TestPki pki = pki(type);
        Files.writeString(dir.resolve("root.pem"), PemWriter.certificate(pki.root.certificate()));
        Files.writeString(dir.resolve("intermediate.pem"), PemWriter.certificate(pki.intermediate.certificate()));
        Files.writeString(dir.resolve("leaf.pem"), PemWriter.certificate(serverLeaf(type).issued().certificate()));

        String root = OpenSsl.ok(dir, "x509", "-noout", "-text", "-in", "root.pem");
        String intermediate = OpenSsl.ok(dir, "x509", "-noout", "-text", "-in", "intermediate.pem");
        String leaf = OpenSsl.ok(dir, "x509", "-noout", "-text", "-in", "leaf.pem");

        for (String text : List.of(root, intermediate, leaf)) {
            assertThat(text).contains(keyAndSignatureText(type)).contains("X509v3 Subject Key Identifier");
        }
        assertThat(root).contains("Subject: O = certa tests, CN = OpenSSL reads " + type.id() + " Root CA")
                .contains("CA:TRUE").contains("Certificate Sign, CRL Sign");
        assertThat(intermediate).contains("Issuer: O = certa tests, CN = OpenSSL reads " + type.id() + " Root CA")
                .contains("CA:TRUE, pathlen:0");
        assertThat(leaf).contains("Subject: CN = api.example.com")
                .contains("DNS:api.example.com, IP Address:10.0.0.5")
                .contains("TLS Web Server Authentication")
                .contains("CA:FALSE")
                .contains("X509v3 Authority Key Identifier");
    }

    /** What {@code openssl x509 -text} says about the key and signature of a certificate of this type. */
    private static String[] keyAndSignatureText(KeyType type) {
        return switch (type) {
            case EC_P256 -> new String[] {"Public Key Algorithm: id-ecPublicKey", "NIST CURVE: P-256",
                "Signature Algorithm: ecdsa-with-SHA256"};
            case EC_P384 -> new String[] {"Public Key Algorithm: id-ecPublicKey", "NIST CURVE: P-384",
                "Signature Algorithm: ecdsa-with-SHA384"};
            case RSA_2048, RSA_3072, RSA_4096 -> new String[] {"Public Key Algorithm: rsaEncryption",
                "Public-Key: (" + type.bits() + " bit)", "Signature Algorithm: sha256WithRSAEncryption"};
            case ED25519 -> new String[] {"Public Key Algorithm: ED25519", "Signature Algorithm: ED25519"};
        };
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void opensslVerifiesCsrSignaturesAndRefusesATamperedOne(KeyType type, @TempDir Path dir) throws Exception {
        KeyPair key = serverLeaf(type).key();
        Csr csr = new CsrBuilder(DistinguishedNames.parse("CN=api.example.com,O=Example"))
                .addSubjectAltName(SubjectAltName.dns("api.example.com"))
                .addSubjectAltName(SubjectAltName.ip("10.0.0.5"))
                .sign(SoftwareSigner.of(key));
        Files.writeString(dir.resolve("csr.pem"), PemWriter.csr(csr));

        String verified = OpenSsl.ok(dir, "req", "-verify", "-noout", "-in", "csr.pem");
        assertThat(verified).contains("verify OK");
        String text = OpenSsl.ok(dir, "req", "-noout", "-text", "-in", "csr.pem");
        assertThat(text).contains("Subject: O = Example, CN = api.example.com")
                .contains("DNS:api.example.com, IP Address:10.0.0.5")
                .contains(keyAndSignatureText(type)[0]);

        byte[] der = csr.der();
        der[der.length - 1] ^= 0x01; // the last byte belongs to the signature
        Files.writeString(dir.resolve("tampered.pem"), PemWriter.block("CERTIFICATE REQUEST", der));
        // openssl 3.0's "req -verify" exits 0 even when the signature fails; only its output tells.
        Tools.Result tampered = OpenSsl.run(dir, "req", "-verify", "-noout", "-in", "tampered.pem");
        assertThat(tampered.output()).contains("self-signature verify failure").doesNotContain("verify OK");
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void opensslReadsAnUnencryptedKeyAndDerivesTheSamePublicKey(KeyType type, @TempDir Path dir) throws Exception {
        KeyPair key = serverLeaf(type).key();
        Files.writeString(dir.resolve("key.pem"), PemWriter.privateKey(key.getPrivate()));

        OpenSsl.ok(dir, "pkey", "-noout", "-in", "key.pem");
        OpenSsl.ok(dir, "pkey", "-in", "key.pem", "-pubout", "-out", "pub.pem");
        assertThat(Files.readString(dir.resolve("pub.pem"))).isEqualTo(PemWriter.publicKey(key.getPublic()));
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void opensslDecryptsAnEncryptedKeyWithTheRightPasswordOnly(KeyType type, @TempDir Path dir) throws Exception {
        KeyPair key = serverLeaf(type).key();
        Files.writeString(dir.resolve("key.pem"),
                PemWriter.encryptedPrivateKey(key.getPrivate(), PASSWORD.toCharArray(), TestPki.RANDOM));
        Files.writeString(dir.resolve("password.txt"), PASSWORD + "\n");
        Files.writeString(dir.resolve("wrong.txt"), WRONG_PASSWORD + "\n");

        assertThat(OpenSsl.ok(dir, "asn1parse", "-in", "key.pem")).contains(":PBES2").contains(":scrypt")
                .contains(":aes-256-cbc");
        OpenSsl.ok(dir, "pkey", "-in", "key.pem", "-passin", "file:password.txt", "-pubout", "-out", "pub.pem");
        assertThat(Files.readString(dir.resolve("pub.pem"))).isEqualTo(PemWriter.publicKey(key.getPublic()));
        OpenSsl.ok(dir, "pkey", "-noout", "-in", "key.pem", "-passin", "pass:" + PASSWORD);

        Tools.Result wrong = OpenSsl.run(dir, "pkey", "-noout", "-in", "key.pem", "-passin", "file:wrong.txt");
        assertThat(wrong.exitCode()).as(wrong.output()).isNotZero();
        assertThat(wrong.output()).contains("Could not read key");
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void opensslOpensAPkcs12KeystoreWithTheRightPasswordOnly(KeyType type, @TempDir Path dir) throws Exception {
        TestPki pki = pki(type);
        TestPki.Leaf leaf = serverLeaf(type);
        List<java.security.cert.X509Certificate> chain = new ArrayList<>(leaf.issued().fullChain());
        chain.add(pki.root.certificate());
        Files.write(dir.resolve("server.p12"), Keystores.withKey(Keystores.Format.PKCS12, "api", leaf.key().getPrivate(),
                chain, PASSWORD.toCharArray()));
        Files.writeString(dir.resolve("password.txt"), PASSWORD + "\n");

        String info = OpenSsl.ok(dir, "pkcs12", "-info", "-noout", "-in", "server.p12", "-passin", "file:password.txt");
        assertThat(info).contains("MAC: sha256").contains("PBES2, PBKDF2, AES-256-CBC");

        OpenSsl.ok(dir, "pkcs12", "-in", "server.p12", "-passin", "file:password.txt", "-nocerts", "-noenc",
                "-out", "key.pem");
        OpenSsl.ok(dir, "pkey", "-in", "key.pem", "-pubout", "-out", "pub.pem");
        assertThat(Files.readString(dir.resolve("pub.pem"))).isEqualTo(PemWriter.publicKey(leaf.key().getPublic()));

        OpenSsl.ok(dir, "pkcs12", "-in", "server.p12", "-passin", "file:password.txt", "-nokeys", "-out", "certs.pem");
        String certs = Files.readString(dir.resolve("certs.pem"));
        assertThat(certs).contains("friendlyName: api");
        assertThat(PemReader.readCertificates(certs.getBytes(StandardCharsets.US_ASCII), "certs.pem"))
                .containsExactlyInAnyOrderElementsOf(chain);

        Tools.Result wrong = OpenSsl.run(dir, "pkcs12", "-info", "-noout", "-in", "server.p12",
                "-passin", "pass:" + WRONG_PASSWORD);
        assertThat(wrong.exitCode()).as(wrong.output()).isNotZero();
        assertThat(wrong.output()).contains("Mac verify error: invalid password?");
    }

    Stream<Arguments> keyTypesAndLeafProfiles() {
        return Arrays.stream(KeyType.values())
                .flatMap(t -> Stream.of("server", "client", "server-client").map(p -> Arguments.of(t, p)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("keyTypesAndLeafProfiles")
    void opensslVerifiesTheChainForThePurposesOfTheProfileOnly(KeyType type, String profileId, @TempDir Path dir)
            throws Exception {
        TestPki pki = pki(type);
        Profile profile = Profile.leaf(profileId);
        TestPki.Leaf leaf = pki.leaf(profile, "peer.example.com");
        Files.writeString(dir.resolve("root.pem"), PemWriter.certificate(pki.root.certificate()));
        Files.writeString(dir.resolve("fullchain.pem"), PemWriter.certificates(leaf.issued().fullChain()));
        Files.writeString(dir.resolve("leaf.pem"), PemWriter.certificate(leaf.issued().fullChain().get(0)));

        Map<String, Boolean> purposes = Map.of("sslserver", profile.serverAuth(), "sslclient", profile.clientAuth());
        for (var purpose : purposes.entrySet()) {
            Tools.Result r = OpenSsl.run(dir, "verify", "-x509_strict", "-purpose", purpose.getKey(),
                    "-CAfile", "root.pem", "-untrusted", "fullchain.pem", "leaf.pem");
            if (purpose.getValue()) {
                assertThat(r.output()).as("-purpose " + purpose.getKey()).contains("leaf.pem: OK");
                assertThat(r.exitCode()).as(r.output()).isZero();
            } else {
                assertThat(r.output()).as("-purpose " + purpose.getKey()).contains("unsuitable certificate purpose");
                assertThat(r.exitCode()).as(r.output()).isNotZero();
            }
        }
    }
}
