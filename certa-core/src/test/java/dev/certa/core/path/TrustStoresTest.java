package dev.certa.core.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certa.core.bundle.Keystores;
import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.key.KeyType;
import dev.certa.core.pem.PasswordSource;
import dev.certa.core.pem.PemWriter;
import dev.certa.core.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading trust anchors from the places they live. */
class TrustStoresTest {
    private final TestPki a = new TestPki(KeyType.EC_P256, "Alpha");
    private final TestPki b = new TestPki(KeyType.EC_P256, "Beta");

    @Test
    void pemBundleKeepsEachCertificateOnce() {
        String pem = PemWriter.certificates(List.of(a.root.certificate(), b.root.certificate(), a.root.certificate()));

        TrustStore s = TrustStores.fromPem(pem.getBytes(StandardCharsets.US_ASCII), "corp-roots.pem");

        assertThat(s.name()).isEqualTo("corp-roots.pem");
        assertThat(s.anchors()).containsExactly(a.root.certificate(), b.root.certificate());
        assertThat(s.contains(b.root.certificate())).isTrue();
        assertThat(s.contains(a.intermediate.certificate())).isFalse();
    }

    @Test
    void directoryReadsCertificateFilesAndIgnoresOthers(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("alpha.pem"), PemWriter.certificate(a.root.certificate()));
        Files.writeString(dir.resolve("beta.crt"), PemWriter.certificate(b.root.certificate()));
        Files.writeString(dir.resolve("README.txt"), "not a certificate");

        TrustStore s = TrustStores.fromDirectory(dir);

        assertThat(s.anchors()).containsExactlyInAnyOrder(a.root.certificate(), b.root.certificate());
        assertThat(s.source()).isEqualTo(dir.toString());
    }

    @Test
    void directoryWithoutCertificatesIsAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> TrustStores.fromDirectory(dir)).isInstanceOfSatisfying(CertaException.class,
                e -> assertThat(e.reason()).isEqualTo(dir + ": holds no certificate files (*.pem, *.crt, *.cer)"));
        assertThatThrownBy(() -> TrustStores.fromDirectory(dir.resolve("missing"))).isInstanceOfSatisfying(CertaException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
    }

    @Test
    void pkcs12TruststoreNeedsItsPassword() {
        byte[] p12 = Keystores.truststore(Keystores.Format.PKCS12, List.of(a.root.certificate()), "changeit".toCharArray());

        TrustStore s = TrustStores.fromKeystore(p12, "truststore.p12", PasswordSource.of("changeit"));

        assertThat(s.anchors()).containsExactly(a.root.certificate());
        assertThatThrownBy(() -> TrustStores.fromKeystore(p12, "truststore.p12", PasswordSource.of("wrong")))
                .isInstanceOfSatisfying(CertaException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.WRONG_PASSWORD));
    }

    @Test
    void jksTruststoreLoads() {
        byte[] jks = Keystores.truststore(Keystores.Format.JKS, List.of(b.root.certificate()), "changeit".toCharArray());

        assertThat(TrustStores.fromKeystore(jks, "truststore.jks", PasswordSource.of("changeit")).anchors())
                .containsExactly(b.root.certificate());
    }

    @Test
    void theJdksCacertsLoads() {
        TrustStore jdk = TrustStores.jdk();

        assertThat(jdk.name()).isEqualTo("jdk");
        assertThat(jdk.size()).isGreaterThan(50);
    }

    @Test
    void systemStoreIsTheFirstBundleFound(@TempDir Path dir) throws Exception {
        Path bundle = dir.resolve("ca-bundle.crt");
        Files.writeString(bundle, PemWriter.certificate(a.root.certificate()));

        TrustStore s = TrustStores.system(List.of(dir.resolve("absent.crt"), bundle));

        assertThat(s.name()).isEqualTo("system");
        assertThat(s.source()).isEqualTo(bundle.toString());
        assertThatThrownBy(() -> TrustStores.system(List.of(dir.resolve("absent.crt"))))
                .isInstanceOfSatisfying(CertaException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND);
                    assertThat(e.fix()).hasValueSatisfying(f -> assertThat(f).contains("SSL_CERT_FILE"));
                });
    }
}
