package dev.certa.cli;

import static dev.certa.cli.TrustPki.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certa.core.bundle.Keystores;
import dev.certa.core.key.KeyType;
import dev.certa.core.testing.TestPki;
import java.security.cert.X509Certificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees from {@code certa verify}: the path drawn, the options, JSON, and plain errors. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerifyCommandTest {
    @TempDir
    static Path dir;

    private TrustPki pki;
    private CliRunner certa;

    @BeforeAll
    void writeChains() throws Exception {
        pki = new TrustPki().writeTo(dir);
        certa = new CliRunner(dir);
        Files.createDirectory(dir.resolve("roots"));
        Files.copy(dir.resolve("root.pem"), dir.resolve("roots/shop.pem"));
        Files.write(dir.resolve("roots.p12"), Keystores.truststore(Keystores.Format.PKCS12, List.of(pki.root()),
                "changeit".toCharArray()));
    }

    @Test
    void aGoodFullchainIsDrawnLeafToRootWithEachLinksStatus() {
        CliRunner.Result r = certa.run("verify", "good-fullchain.pem", "--roots", "root.pem", "--host", HOST);
        assertThat(r.exitCode()).as(r.all()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo(HOST + ": TRUSTED");
        assertThat(lines.get(1)).startsWith("  [0] CN=" + HOST).contains("leaf").endsWith("ok");
        assertThat(lines.get(2)).startsWith("  [1] CN=Shop Intermediate CA,O=certa tests").contains("intermediate").endsWith("ok");
        assertThat(lines.get(3)).startsWith("  [2] CN=Shop Root CA,O=certa tests").contains("root")
                .endsWith("trusted (store: root.pem)");
        assertThat(r.out()).doesNotContain("Problems:")
                .contains("for TLS server authentication of " + HOST, "trust stores: root.pem");
    }

    @Test
    void jsonCarriesTheSameVerdictPathAndFindings() throws Exception {
        CliRunner.Result r = certa.run("verify", "expired.pem", "intermediate.pem", "--roots", "root.pem", "--host", HOST,
                "--json");
        assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("name").asText()).isEqualTo(HOST);
        assertThat(json.get("trusted").asBoolean()).isFalse();
        assertThat(json.get("purpose").asText()).isEqualTo("server");
        assertThat(json.get("expectedNames").get(0).asText()).isEqualTo("DNS:" + HOST);
        JsonNode leaf = json.get("path").get(0);
        assertThat(leaf.get("role").asText()).isEqualTo("leaf");
        assertThat(leaf.get("status").asText()).isEqualTo("failed");
        assertThat(leaf.get("statusText").asText()).contains("expired");
        JsonNode problem = json.get("problems").get(0);
        assertThat(problem.get("check").asText()).isEqualTo("validity");
        assertThat(problem.get("position").asInt()).isZero();
        assertThat(problem.get("fix").asText()).isNotBlank();
        assertThat(json.get("connection").isNull()).isTrue();
    }

    @Test
    void atJudgesValidityAtAnotherInstant() {
        Instant whileValid = pki.expired.issued().certificate().getNotBefore().toInstant().plus(Duration.ofDays(1));
        CliRunner.Result then = certa.run("verify", "expired-fullchain.pem", "--roots", "root.pem", "--host", HOST,
                "--at", whileValid.toString());
        assertThat(then.exitCode()).as(then.all()).isZero();
        assertThat(then.out()).startsWith(HOST + ": TRUSTED");

        CliRunner.Result now = certa.run("verify", "expired-fullchain.pem", "--roots", "root.pem", "--host", HOST);
        assertThat(now.exitCode()).isEqualTo(1);

        CliRunner.Result before = certa.run("verify", "good-fullchain.pem", "--roots", "root.pem", "--at", "2001-01-01");
        assertThat(before.exitCode()).isEqualTo(1);
        assertThat(before.out()).contains("[0] CN=" + HOST + ": not valid yet: valid from");
    }

    @Test
    void rootsComeFromADirectoryOrATruststoreAndMissingRootsAreNamed() {
        assertThat(certa.run("verify", "good-fullchain.pem", "--roots", "roots", "--host", HOST).exitCode()).isZero();
        CliRunner.Result p12 = certa.run("verify", "good-fullchain.pem", "--roots", "roots.p12", "--host", HOST);
        assertThat(p12.exitCode()).as(p12.all()).isZero();
        assertThat(p12.out()).contains("trusted (store: roots.p12)");

        CliRunner.Result jdk = certa.run("verify", "good-fullchain.pem", "--roots", "jdk", "--host", HOST);
        assertThat(jdk.exitCode()).isEqualTo(1);
        assertThat(jdk.out()).contains("NOT TRUSTED", "CN=Shop Root CA", "trust stores: jdk");

        CliRunner.Result system = certa.run("verify", "good-fullchain.pem", "--host", HOST);
        assertThat(system.exitCode()).isEqualTo(1);
        assertThat(system.out()).contains("trust stores: system");
    }

    @Test
    void theSystemStoreHonoursSslCertFileFromTheEnvironmentCertaWasGiven() {
        CliRunner withBundle = new CliRunner(dir);
        withBundle.variables.put("SSL_CERT_FILE", dir.resolve("root.pem").toString());
        CliRunner.Result r = withBundle.run("verify", "good-fullchain.pem", "--host", HOST);
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).startsWith(HOST + ": TRUSTED").contains("trusted (store: system)");
    }

    @Test
    void anIpAddressTheCertificateDoesNotNameIsAProblem() {
        CliRunner.Result r = certa.run("verify", "good-fullchain.pem", "--roots", "root.pem", "--ip", "192.0.2.7");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).startsWith("192.0.2.7: NOT TRUSTED").contains("192.0.2.7");
    }

    @Test
    void aClientCertificateVerifiesForTheClientPurpose() {
        CliRunner.Result r = certa.run("verify", "client-fullchain.pem", "--roots", "root.pem", "--purpose", "client");
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).contains("for TLS client authentication");
    }

    @Test
    void hostGivenAnIpAddressIsCheckedAsAnAddressAndTheMessageNamesEachType() {
        // before: --host 192.0.2.10 was refused with advice ("ip:192.0.2.10") that --host refused too
        CliRunner.Result r = certa.run("verify", "good-fullchain.pem", "--roots", "root.pem", "--host", "192.0.2.10");
        assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("192.0.2.10: NOT TRUSTED")
                .contains("valid for DNS:" + HOST + ", not for IP:192.0.2.10");
    }

    @Test
    void usageAndInputErrorsAreOneParagraphWithoutStackTraces() {
        CliRunner.Result badTime = certa.run("verify", "good.pem", "--at", "next tuesday");
        assertThat(badTime.exitCode()).isEqualTo(2);
        assertThat(badTime.err()).contains("--at 'next tuesday' is not a date or time", "ISO-8601");

        CliRunner.Result missing = certa.run("verify", "nope.pem", "--roots", "root.pem");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("nope.pem: no such file");

        CliRunner.Result key = certa.run("verify", "good-key.pem", "--roots", "root.pem");
        assertThat(key.exitCode()).isEqualTo(1);
        assertThat(key.err()).contains("good-key.pem: this is a private key, not a certificate");

        CliRunner.Result purpose = certa.run("verify", "good.pem", "--purpose", "email");
        assertThat(purpose.exitCode()).isEqualTo(2);

        for (CliRunner.Result r : List.of(badTime, missing, key, purpose)) {
            assertThat(r.err()).doesNotContain("\tat ", "Exception");
        }
    }

    /** Finding: invalid UTF-8 in a subject name made verify print "internal error" and no JSON, before any signature check. */
    @Test
    void invalidUtf8InTheSubjectIsAFindingInValidJsonNotAnInternalError() throws Exception {
        X509Certificate intermediate = pki.intermediate();
        X509Certificate leaf = InvalidUtf8Leaf.issue(pki, KeyType.EC_P256.generate(TestPki.RANDOM));
        TrustPki.write(dir, "bad-utf8.pem", leaf, intermediate);

        CliRunner.Result r = certa.run("verify", "bad-utf8.pem", "--roots", "root.pem", "--host", HOST, "--json");

        assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
        assertThat(r.err()).doesNotContain("internal error");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("trusted").asBoolean()).isFalse();
        JsonNode problem = json.get("problems").get(0);
        assertThat(problem.get("check").asText()).isEqualTo("encoding");
        assertThat(problem.get("message").asText()).isEqualTo("its subject name holds text that is not valid UTF-8 (CN=a\\xFFb)");
        assertThat(json.get("path").get(0).toString()).contains("CN=a\\\\xFFb");
    }
}
