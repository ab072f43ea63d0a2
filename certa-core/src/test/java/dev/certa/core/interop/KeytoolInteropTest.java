package dev.certa.core.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.bundle.Keystores;
import dev.certa.core.key.KeyType;
import dev.certa.core.pem.PemWriter;
import dev.certa.core.profile.Profile;
import dev.certa.core.testing.TestPki;
import dev.certa.core.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The JDK's keytool lists the keystores and truststores certa writes, and only with their password. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeytoolInteropTest {
    private static final String STOREPASS = "keytool store pass";

    private final TestPki pki = new TestPki(KeyType.EC_P256, "Keytool");
    private final TestPki.Leaf leaf = pki.leaf(new Profile.TlsServer(), "api.example.com");

    /** The keytool of the JDK running the tests. */
    private static String keytool() {
        return Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    }

    private static Tools.Result keytool(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of(keytool()));
        command.addAll(List.of(args));
        return Tools.run(dir, command);
    }

    private static Tools.Result list(Path dir, String file, Keystores.Format format, String storepass) {
        return keytool(dir, "-list", "-v", "-keystore", file, "-storepass", storepass, "-storetype", format.name());
    }

    private static String fileName(String base, Keystores.Format format) {
        return base + (format == Keystores.Format.PKCS12 ? ".p12" : ".jks");
    }

    Stream<Arguments> formatsAndChainLengths() {
        return Stream.of(Keystores.Format.values()).flatMap(f -> Stream.of(Arguments.of(f, 2), Arguments.of(f, 3)));
    }

    @ParameterizedTest(name = "{0}, chain of {1}")
    @MethodSource("formatsAndChainLengths")
    void keytoolListsTheKeyEntryWithItsChain(Keystores.Format format, int chainLength, @TempDir Path dir) throws Exception {
        List<X509Certificate> chain = new ArrayList<>(leaf.issued().fullChain());
        if (chainLength == 3) {
            chain.add(pki.root.certificate());
        }
        String file = fileName("server", format);
        Files.write(dir.resolve(file), Keystores.withKey(format, "api", leaf.key().getPrivate(), chain, STOREPASS.toCharArray()));

        Tools.Result r = list(dir, file, format, STOREPASS);

        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("Your keystore contains 1 entry")
                .contains("Alias name: api")
                .contains("Entry type: PrivateKeyEntry")
                .contains("Certificate chain length: " + chainLength)
                .contains("Certificate[1]:\nOwner: CN=api.example.com\nIssuer: CN=Keytool Intermediate CA, O=certa tests")
                .contains("Certificate[2]:\nOwner: CN=Keytool Intermediate CA, O=certa tests\nIssuer: CN=Keytool Root CA, O=certa tests");
        if (chainLength == 3) {
            assertThat(r.output()).contains("Certificate[3]:\nOwner: CN=Keytool Root CA, O=certa tests");
        } else {
            assertThat(r.output()).doesNotContain("Certificate[3]:");
        }

        Tools.Result exported = keytool(dir, "-exportcert", "-rfc", "-alias", "api", "-keystore", file,
                "-storepass", STOREPASS, "-storetype", format.name());
        assertThat(exported.exitCode()).as(exported.output()).isZero();
        assertThat(exported.output().replace("\r", "")).contains(PemWriter.certificate(leaf.issued().certificate()).trim());
    }

    @ParameterizedTest
    @EnumSource(Keystores.Format.class)
    void keytoolListsTheTruststoreRootAsATrustedCertificate(Keystores.Format format, @TempDir Path dir) throws Exception {
        X509Certificate root = pki.root.certificate();
        String file = fileName("truststore", format);
        Files.write(dir.resolve(file), Keystores.truststore(format, List.of(root), STOREPASS.toCharArray()));

        Tools.Result r = list(dir, file, format, STOREPASS);

        assertThat(r.exitCode()).as(r.output()).isZero();
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(root.getEncoded());
        assertThat(r.output()).contains("Your keystore contains 1 entry")
                .contains("Alias name: keytool root ca")
                .contains("Entry type: trustedCertEntry")
                .contains("Owner: CN=Keytool Root CA, O=certa tests")
                .contains("SHA256: " + HexFormat.ofDelimiter(":").formatHex(sha256).toUpperCase(Locale.ROOT));
    }

    @ParameterizedTest
    @EnumSource(Keystores.Format.class)
    void keytoolRefusesAWrongStorePassword(Keystores.Format format, @TempDir Path dir) throws Exception {
        String keystore = fileName("server", format);
        String truststore = fileName("truststore", format);
        Files.write(dir.resolve(keystore), Keystores.withKey(format, "api", leaf.key().getPrivate(),
                leaf.issued().fullChain(), STOREPASS.toCharArray()));
        Files.write(dir.resolve(truststore), Keystores.truststore(format, List.of(pki.root.certificate()),
                STOREPASS.toCharArray()));

        for (String file : List.of(keystore, truststore)) {
            Tools.Result r = list(dir, file, format, "not the store pass");
            assertThat(r.exitCode()).as(file + ": " + r.output()).isNotZero();
            assertThat(r.output()).as(file).contains("password was incorrect")
                    .doesNotContain("Entry type:");
        }
    }
}
