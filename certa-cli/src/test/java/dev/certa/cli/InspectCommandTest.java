package dev.certa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
    @TempDir
    Path tmp;

    @Test
    void explainsACertificateAKeyAndAChain() {
        CliRunner cli = new CliRunner(tmp).withCa();
        cli.run("cert", "create", "api.example.com", "10.1.2.3");
        var r = cli.run("inspect", "api.example.com+1-fullchain.pem", "api.example.com+1-key.pem");
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).contains("api.example.com+1-fullchain.pem: certificate 1 of 2")
                .contains("CN=api.example.com").contains("DNS:api.example.com, IP:10.1.2.3")
                .contains("Test Intermediate CA").contains("days left").contains("serverAuth")
                .contains("private key").contains("EC P-256");
        assertThat(r.out()).doesNotContain("BEGIN");
        String keyBody = cli.read("api.example.com+1-key.pem").replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        assertThat(r.out()).doesNotContain(keyBody.substring(20, 60));
    }

    @Test
    void jsonForScripts() throws Exception {
        CliRunner cli = new CliRunner(tmp).withCa();
        cli.run("cert", "create", "j.example.com");
        var r = cli.run("inspect", "--json", "j.example.com.pem");
        assertThat(r.exitCode()).as(r.all()).isZero();
        List<String> fields = new ArrayList<>();
        try (var p = new JsonFactory().createParser(r.out())) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME) {
                    fields.add(p.currentName());
                }
            }
        }
        assertThat(fields).contains("source", "items", "kind", "subject", "notAfter", "daysLeft", "sha256Fingerprint");
    }

    @Test
    void encryptedKeysNeedTheirPasswordAndGarbageIsExplained() throws Exception {
        CliRunner cli = new CliRunner(tmp).withCa();
        var r = cli.run("inspect", "ca/root-ca-key.pem");
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).contains("encrypted");
        var wrong = cli.with("CERTA_PASSWORD", "nope").run("inspect", "ca/root-ca-key.pem");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).contains("root-ca-key.pem: the password does not decrypt this key");
        Files.write(cli.file("junk.bin"), new byte[] {1, 2, 3, 4});
        var junk = cli.run("inspect", "junk.bin");
        assertThat(junk.exitCode()).isEqualTo(1);
        assertThat(junk.err()).contains("junk.bin: this is neither PEM nor DER");
    }
}
