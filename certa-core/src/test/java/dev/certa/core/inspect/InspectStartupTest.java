package dev.certa.core.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.pem.PemWriter;
import dev.certa.core.profile.Profile;
import dev.certa.core.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code certa inspect cert.pem} must start fast, so inspecting a certificate must not load the
 * native crypto provider (about 300 ms) or anything that detects it.
 */
class InspectStartupTest {

    @Test
    void inspectingACertificateLoadsNoCryptoProvider(@TempDir Path dir) throws Exception {
        var pki = InspectCertificateTest.PKI;
        var leaf = pki.leaf(new Profile.TlsServer(), "fast.example.com");
        Files.writeString(dir.resolve("chain.pem"), PemWriter.certificates(List.of(leaf.issued().certificate(),
                pki.intermediate.certificate(), pki.root.certificate())));
        String java = ProcessHandle.current().info().command().orElse("java");

        for (String format : List.of("--text", "--json")) {
            var r = Tools.run(dir, java, "-verbose:class", "-cp", System.getProperty("java.class.path"),
                    InspectStartupProbe.class.getName(), "chain.pem", format);
            assertThat(r.exitCode()).as(r.output()).isZero();
            assertThat(r.output()).contains("fast.example.com")
                    .doesNotContain("dev.certa.core.crypto.CryptoProviders$Holder")
                    .doesNotContain("dev.certa.core.crypto.Signatures ")
                    .doesNotContain("com.amazon.corretto")
                    .doesNotContain("org.bouncycastle.jce.provider.BouncyCastleProvider ")
                    .doesNotContain("com.fasterxml.jackson.databind");
        }
    }
}
