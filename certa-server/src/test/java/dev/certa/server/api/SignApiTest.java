package dev.certa.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certa.core.path.PathValidator;
import dev.certa.core.path.TrustStore;
import dev.certa.core.path.ValidationOptions;
import dev.certa.server.testing.RunningCa;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /sign}: what a machine with a one-time token gets, and every way a request is refused. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    private RunningCa ca;

    private java.security.KeyPair opsKey;

    @BeforeAll
    void start() throws Exception {
        opsKey = dev.certa.core.key.KeyType.EC_P256.generate(new java.security.SecureRandom());
        java.nio.file.Files.createDirectories(dir.resolve("data"));
        java.nio.file.Files.writeString(dir.resolve("data/ops.pub.pem"), dev.certa.core.pem.PemWriter.publicKey(opsKey.getPublic()));
        var defaultKey = dev.certa.core.key.KeyType.EC_P256.generate(new java.security.SecureRandom());
        java.nio.file.Files.createDirectories(dir.resolve("data/provisioners"));
        java.nio.file.Files.writeString(dir.resolve("data/provisioners/default.pub.pem"),
                dev.certa.core.pem.PemWriter.publicKey(defaultKey.getPublic()));
        java.nio.file.Files.writeString(dir.resolve("data/provisioners/default.key.pem"),
                dev.certa.core.pem.PemWriter.privateKey(defaultKey.getPrivate()));
        ca = RunningCa.start(dir.resolve("data"), Map.of("provisioner.default.key", "provisioners/default.pub.pem",
                "provisioner.ops.key", "ops.pub.pem",
                "provisioner.ops.names", "*.svc.internal", "provisioner.ops.profiles", "server",
                "provisioner.ops.max-validity", "7d"), Clock.systemUTC());
    }

    @AfterAll
    void stop() {
        ca.close();
    }

    private String body(String token, String csr) {
        ObjectNode n = JSON.createObjectNode();
        n.put("token", token);
        n.put("csr", csr);
        return n.toString();
    }

    private String opsToken(String... names) {
        return new dev.certa.server.ra.TokenMinter(Clock.systemUTC(), new java.security.SecureRandom())
                .mint("ops", opsKey, ca.info.httpsUrl(), List.of(names), Duration.ofMinutes(5));
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    private static void assertProblem(HttpResponse<String> r, int status, String slug, String... detailParts) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/problem+json");
        JsonNode p = json(r);
        assertThat(p.get("type").asText()).isEqualTo("urn:certa:problem:" + slug);
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("detail").asText()).contains(detailParts);
    }

    @Test
    void aTokenAndACsrGetACertificateForExactlyThoseNamesThatChainsToTheRoot() throws Exception {
        var kc = ca.csr("api.svc.internal", "10.0.0.7");
        HttpResponse<String> r = ca.postJson("/sign", body(ca.token("api.svc.internal", "10.0.0.7"), kc.csrPem()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode n = json(r);
        List<X509Certificate> full = RunningCa.certificates(n.get("fullchain").asText());
        assertThat(full).hasSize(2);
        X509Certificate leaf = full.get(0);
        assertThat(leaf.getSerialNumber().toString(16)).isEqualTo(n.get("serial").asText());
        assertThat(leaf.getPublicKey()).isEqualTo(kc.key().getPublic());
        assertThat(leaf.getSubjectAlternativeNames().stream().map(l -> String.valueOf(l.get(1))).toList()).containsExactlyInAnyOrder("api.svc.internal", "10.0.0.7");
        var verdict = new PathValidator().validateChain(full, List.of(new TrustStore("root", "root", List.of(ca.info.root()))),
                ValidationOptions.server(Instant.now(), "api.svc.internal"));
        assertThat(verdict.trusted()).as(verdict.toString()).isTrue();
        assertThat(leaf.getExtensionValue("1.3.6.1.5.5.7.1.1")).as("AIA with OCSP and caIssuers").isNotNull();
        assertThat(leaf.getExtensionValue("2.5.29.31")).as("CRL distribution point").isNotNull();
    }

    @Test
    void aTokenWorksOnce() throws Exception {
        String token = ca.token("once.example");
        assertThat(ca.postJson("/sign", body(token, ca.csr("once.example").csrPem())).statusCode()).isEqualTo(201);
        assertProblem(ca.postJson("/sign", body(token, ca.csr("once.example").csrPem())), 401, "token-replayed", "already used");
    }

    @Test
    void tokensThatAreExpiredForAnotherCaOrBadlySignedAreRefusedSayingWhich() throws Exception {
        var csr = ca.csr("a.example").csrPem();
        var minter = new dev.certa.server.ra.TokenMinter(Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC),
                new java.security.SecureRandom());
        String expired = minter.mint("default", ca.provisionerKey(), ca.info.httpsUrl(), List.of("a.example"), Duration.ofMinutes(5));
        assertProblem(ca.postJson("/sign", body(expired, csr)), 401, "token-expired", "expired at");

        String otherCa = new dev.certa.server.ra.TokenMinter(Clock.systemUTC(), new java.security.SecureRandom())
                .mint("default", ca.provisionerKey(), java.net.URI.create("https://other-ca.example"), List.of("a.example"), Duration.ofMinutes(5));
        assertProblem(ca.postJson("/sign", body(otherCa, csr)), 401, "wrong-audience", "https://other-ca.example/sign");

        String forged = new dev.certa.server.ra.TokenMinter(Clock.systemUTC(), new java.security.SecureRandom())
                .mint("default", dev.certa.core.key.KeyType.EC_P256.generate(new java.security.SecureRandom()), ca.info.httpsUrl(),
                        List.of("a.example"), Duration.ofMinutes(5));
        assertProblem(ca.postJson("/sign", body(forged, csr)), 401, "bad-token-signature", "provisioner 'default'");

        String longLived = ca.token(Duration.ofHours(2), "a.example");
        assertProblem(ca.postJson("/sign", body(longLived, csr)), 401, "token-lifetime-too-long", "at most 10 minutes");

        assertProblem(ca.postJson("/sign", body("not.a.jwt", csr)), 401, "malformed-token", "not a signed JWT");
    }

    @Test
    void theProvisionersLimitsHoldNamesProfileAndValidity() throws Exception {
        assertProblem(ca.postJson("/sign", body(opsToken("db.example.com"), ca.csr("db.example.com").csrPem())), 403,
                "name-not-allowed", "db.example.com", "*.svc.internal");
        ObjectNode client = (ObjectNode) JSON.readTree(body(opsToken("x.svc.internal"), ca.csr("x.svc.internal").csrPem()));
        client.put("profile", "client");
        assertProblem(ca.postJson("/sign", client.toString()), 403, "profile-not-allowed", "'client'");
        ObjectNode longer = (ObjectNode) JSON.readTree(body(opsToken("y.svc.internal"), ca.csr("y.svc.internal").csrPem()));
        longer.put("validity", "30d");
        assertProblem(ca.postJson("/sign", longer.toString()), 403, "validity-too-long", "168 hours");
        var ok = ca.postJson("/sign", body(opsToken("z.svc.internal"), ca.csr("z.svc.internal").csrPem()));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        X509Certificate c = RunningCa.certificates(json(ok).get("certificate").asText()).get(0);
        assertThat(Duration.between(c.getNotBefore().toInstant(), c.getNotAfter().toInstant())).isLessThanOrEqualTo(Duration.ofDays(7).plusMinutes(5));
    }

    @Test
    void aCsrForOtherNamesThanTheTokensIsRefused() throws Exception {
        assertProblem(ca.postJson("/sign", body(ca.token("a.example"), ca.csr("a.example", "evil.example").csrPem())), 403,
                "names-mismatch", "evil.example");
    }

    @Test
    void malformedRequestsGetSpecificProblemsNeverA500() throws Exception {
        assertProblem(ca.postJson("/sign", "{not json"), 400, "malformed-json", "not valid JSON");
        assertProblem(ca.postJson("/sign", "[1,2]"), 400, "malformed-json", "JSON object");
        assertProblem(ca.postJson("/sign", "{\"csr\":\"x\"}"), 401, "token-required", "certa token");
        assertProblem(ca.postJson("/sign", body(ca.token("a.example"), "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n")),
                400, "malformed-csr", "the \"csr\" field");
        assertProblem(ca.postJson("/sign", "{\"token\":5,\"csr\":\"x\"}"), 400, "bad-field", "\"token\"");
        assertProblem(ca.postJson("/sign", "{\"token\":\"" + "a".repeat(70_000) + "\"}"), 413, "body-too-large", "65536 bytes");
        var get = ca.get("/sign", Map.of());
        assertProblem(get, 405, "method-not-allowed", "use POST");
        assertProblem(ca.get("/nothing-here", Map.of()), 404, "not-found", "/nothing-here");
        var text = ca.client.send(HttpRequest.newBuilder(ca.https("/sign")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(text, 415, "unsupported-media-type", "application/json");
    }

    @Test
    void rootsChainHealthAndMetricsAreOpen() throws Exception {
        var roots = ca.get("/roots", Map.of());
        assertThat(roots.statusCode()).isEqualTo(200);
        assertThat(RunningCa.certificates(roots.body())).containsExactly(ca.info.root());
        assertThat(RunningCa.certificates(ca.get("/chain", Map.of()).body())).hasSize(2).endsWith(ca.info.root());
        assertThat(ca.get("/health", Map.of()).body()).contains("\"ok\"");
        var ready = ca.get("/ready", Map.of());
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("reachable");
        ca.postJson("/sign", body(ca.token("metrics.example"), ca.csr("metrics.example").csrPem()));
        assertThat(ca.get("/metrics", Map.of()).body()).contains("certa_certificates_issued_total{action=\"sign\"}");
    }
}
