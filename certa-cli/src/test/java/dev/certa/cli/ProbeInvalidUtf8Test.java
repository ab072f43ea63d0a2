package dev.certa.cli;

import static dev.certa.cli.TrustPki.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certa.core.key.KeyType;
import dev.certa.core.testing.TestPki;
import dev.certa.core.testing.TlsTestServer;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding: a hostile server whose certificate has invalid UTF-8 in its subject made {@code certa probe} print
 * "internal error" and no JSON. It is now a finding naming the escaped bytes, exit 1.
 */
class ProbeInvalidUtf8Test {
    @TempDir
    Path dir;

    @Test
    void aServerCertificateWithInvalidUtf8InItsSubjectIsAFindingNotAnInternalError() throws Exception {
        TrustPki pki = new TrustPki().writeTo(dir);
        KeyPair key = KeyType.EC_P256.generate(TestPki.RANDOM);
        X509Certificate leaf = InvalidUtf8Leaf.issue(pki, key);
        try (var server = TlsTestServer.start(key.getPrivate(), List.of(leaf, pki.intermediate()))) {
            CliRunner.Result r = new CliRunner(dir).run("probe", "127.0.0.1:" + server.port(), "--servername", HOST,
                    "--roots", "root.pem", "--json");

            assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
            assertThat(r.err()).doesNotContain("internal error");
            JsonNode json = new ObjectMapper().readTree(r.out());
            assertThat(json.get("trusted").asBoolean()).isFalse();
            assertThat(json.get("problems").get(0).get("message").asText())
                    .isEqualTo("its subject name holds text that is not valid UTF-8 (CN=a\\xFFb)");
        }
    }
}
