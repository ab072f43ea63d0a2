package dev.certa.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certa.core.key.KeyType;
import dev.certa.core.pem.PemWriter;
import dev.certa.server.ra.TokenMinter;
import dev.certa.server.testing.Csrs;
import dev.certa.server.testing.RunningCa;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /sign} attacked: a token bought for one name, stretched to others through the CSR's subject;
 * CSR keys whose signature costs seconds to check, alone and in a flood; tokens minted for another CA URL.
 * Each test asserts what the attacker sees: the refusal's problem type, or the exact subject and SANs issued.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignAttacksTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERIFICATIONS = "certa_csr_signature_verifications_total";
    @TempDir
    static Path dir;
    private RunningCa ca;
    private KeyPair opsKey;

    @BeforeAll
    void start() throws Exception {
        opsKey = KeyType.EC_P256.generate(new SecureRandom());
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/ops.pub.pem"), PemWriter.publicKey(opsKey.getPublic()));
        KeyPair defaultKey = KeyType.EC_P256.generate(new SecureRandom()); // configuring "ops" means no default is made for us
        Files.createDirectories(dir.resolve("data/provisioners"));
        Files.writeString(dir.resolve("data/provisioners/default.pub.pem"), PemWriter.publicKey(defaultKey.getPublic()));
        Files.writeString(dir.resolve("data/provisioners/default.key.pem"), PemWriter.privateKey(defaultKey.getPrivate()));
        ca = RunningCa.start(dir.resolve("data"), Map.of("provisioner.default.key", "provisioners/default.pub.pem",
                "provisioner.ops.key", "ops.pub.pem", "provisioner.ops.names", "*.svc.internal"), Clock.systemUTC());
    }

    @AfterAll
    void stop() {
        ca.close();
    }

    // --- the CSR's subject cannot add names, nor attributes ---

    @Test
    void tokenForOneNameCannotBuyAnotherThroughTheCsrSubject() throws Exception {
        for (String csr : List.of(Csrs.withSubject("CN=victim.example.com,O=Evil Bank"),
                Csrs.withSubject("CN=victim.example.com,O=Evil Bank", "only.example.test"))) {
            HttpResponse<String> r = sign(ca.token("only.example.test"), csr);
            assertProblem(r, 403, "names-mismatch", "the CSR's subject CN 'victim.example.com' is not among the token's names");
        }
        assertNothingIssuedFor("victim.example.com");
        assertNothingIssuedFor("only.example.test");
    }

    @Test
    void csrSubjectAttributesAreDroppedAndTheSubjectIsTheTokensFirstName() throws Exception {
        HttpResponse<String> r = sign(ca.token("allowed.example.test", "www.allowed.example.test"),
                Csrs.withSubject("CN=www.allowed.example.test,OU=Payments,O=Evil Bank,L=Zurich,C=CH", "www.allowed.example.test",
                        "allowed.example.test"));
        X509Certificate c = issued(r);
        assertThat(c.getSubjectX500Principal().getName()).isEqualTo("CN=allowed.example.test");
        assertThat(sans(c)).containsExactly("allowed.example.test", "www.allowed.example.test");
    }

    @Test
    void aCsrWithNoSubjectGetsTheTokensNamesOnly() throws Exception {
        X509Certificate c = issued(sign(ca.token("bare.example.test"), Csrs.withSubject("")));
        assertThat(c.getSubjectX500Principal().getName()).isEqualTo("CN=bare.example.test");
        assertThat(sans(c)).containsExactly("bare.example.test");
    }

    @Test
    void aFirstNameTooLongForACommonNameLeavesTheSubjectEmpty() throws Exception {
        String longName = "a".repeat(60) + ".long.example.test"; // 78 characters: more than a CN's 64
        X509Certificate c = issued(sign(ca.token(longName), Csrs.withSubject("", longName)));
        assertThat(c.getSubjectX500Principal().getName()).isEmpty();
        assertThat(sans(c)).containsExactly(longName);
        assertThat(c.getCriticalExtensionOIDs()).as("SAN critical with an empty subject").contains("2.5.29.17");
    }

    @Test
    void clientTokenForOneMailboxCannotBuyAnotherThroughTheCsrSubject() throws Exception {
        HttpResponse<String> refused = sign(ca.token("alice@corp.example"), Csrs.withSubject("CN=ceo@bank.example"), "client");
        assertProblem(refused, 403, "names-mismatch", "'ceo@bank.example'");
        assertNothingIssuedFor("ceo@bank.example");

        X509Certificate c = issued(sign(ca.token("alice@corp.example"), Csrs.withSubject("CN=alice@corp.example,O=Bank"), "client"));
        assertThat(c.getSubjectX500Principal().getName()).isEqualTo("CN=alice@corp.example");
        assertThat(sans(c)).containsExactly("alice@corp.example");
    }

    @Test
    void provisionerLimitedToSvcInternalCannotIssueOutsideThroughTheCsrSubject() throws Exception {
        String token = new TokenMinter(Clock.systemUTC(), new SecureRandom()).mint("ops", opsKey, ca.info.httpsUrl(),
                List.of("api.svc.internal"), Duration.ofMinutes(5));
        assertProblem(sign(token, Csrs.withSubject("CN=db.example.com,O=Evil Bank")), 403, "names-mismatch", "'db.example.com'");
        assertNothingIssuedFor("db.example.com");
    }

    // --- cheap checks first: the token, then the key's size and exponent, only then a signature ---

    @Test
    void hugeRsaKeysAreRefusedBeforeTheirSignatureIsChecked() throws Exception {
        double before = verifications();
        assertProblem(sign(ca.token("huge.example.test"), Csrs.hostileRsa(16384, 17, "huge.example.test")), 400, "bad-public-key",
                "RSA key of 16384 bits", "2048 to 8192 bits");
        assertProblem(sign(ca.token("huge.example.test"), Csrs.hostileRsa(4096, 4096, "huge.example.test")), 400, "bad-public-key",
                "public exponent a number of 4096 bits", "only the exponent 65537");
        assertThat(verifications()).as("CSR signatures verified").isEqualTo(before);
    }

    @Test
    void aHostileCsrWithoutAValidTokenIsNotEvenRead() throws Exception {
        double before = verifications();
        String forged = new TokenMinter(Clock.systemUTC(), new SecureRandom()).mint("default", KeyType.EC_P256.generate(new SecureRandom()),
                ca.info.httpsUrl(), List.of("huge.example.test"), Duration.ofMinutes(5));
        assertProblem(sign(forged, Csrs.hostileRsa(16384, 16384, "huge.example.test")), 401, "bad-token-signature", "provisioner 'default'");
        assertThat(verifications()).isEqualTo(before);
    }

    @Test
    void aFloodOfHostileKeyCsrsLeavesHealthAndALegitimateSignAnswering() throws Exception {
        double before = verifications();
        String token = ca.token("flood.example.test"); // one token: it is marked used only when a certificate is recorded
        List<String> hostile = List.of(body(token, Csrs.hostileRsa(16384, 16384, "flood.example.test")),
                body(token, Csrs.hostileRsa(4096, 4096, "flood.example.test")));
        ExecutorService pool = Executors.newFixedThreadPool(64);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> flood = new ArrayList<>();
        try {
            for (int i = 0; i < 64; i++) {
                String b = hostile.get(i % 2);
                flood.add(pool.submit(() -> {
                    go.await();
                    return ca.client.send(post("/sign", b, Duration.ofSeconds(60)), HttpResponse.BodyHandlers.ofString());
                }));
            }
            go.countDown();
            // while the flood is in flight: both answer within a generous 10 s (the request times out otherwise)
            HttpResponse<String> health = ca.client.send(HttpRequest.newBuilder(ca.https("/health")).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> legit = ca.client.send(post("/sign", body(ca.token("legit.example.test"),
                    ca.csr("legit.example.test").csrPem()), Duration.ofSeconds(10)), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(sans(issued(legit))).containsExactly("legit.example.test");
            for (Future<HttpResponse<String>> f : flood) {
                assertProblem(f.get(60, TimeUnit.SECONDS), 400, "bad-public-key", "certa accepts");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(verifications()).as("only the legitimate CSR's signature was verified").isEqualTo(before + 1);
    }

    // --- a token is good only at the CA URL it was minted for ---

    @Test
    void tokenForAnotherPortHostOrSchemeIsRefused() throws Exception {
        URI here = ca.info.httpsUrl();
        String csr = ca.csr("aud.example.test").csrPem();
        for (String other : List.of("https://localhost:" + (here.getPort() == 65535 ? 1 : here.getPort() + 1),
                "https://127.0.0.1:" + here.getPort(), "http://localhost:" + here.getPort(), "https://localhost")) {
            String token = new TokenMinter(Clock.systemUTC(), new SecureRandom()).mint("default", ca.provisionerKey(), URI.create(other),
                    List.of("aud.example.test"), Duration.ofMinutes(5));
            assertProblem(sign(token, csr), 401, "wrong-audience", other + "/sign", "not for this CA's " + here.toString().replaceAll("/$", "")
                    + "/sign");
        }
        // as 'certa token --ca-url' mints it, with or without a trailing slash and in any letter case of the host
        String minted = new TokenMinter(Clock.systemUTC(), new SecureRandom()).mint("default", ca.provisionerKey(),
                URI.create("https://LOCALHOST:" + here.getPort() + "/"), List.of("aud.example.test"), Duration.ofMinutes(5));
        assertThat(sans(issued(sign(minted, csr)))).containsExactly("aud.example.test");
    }

    private HttpRequest post(String path, String body, Duration timeout) {
        return HttpRequest.newBuilder(ca.https(path)).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> sign(String token, String csr) throws Exception {
        return ca.postJson("/sign", body(token, csr));
    }

    private HttpResponse<String> sign(String token, String csr, String profile) throws Exception {
        ObjectNode n = (ObjectNode) JSON.readTree(body(token, csr));
        n.put("profile", profile);
        return ca.postJson("/sign", n.toString());
    }

    private static String body(String token, String csr) {
        return JSON.createObjectNode().put("token", token).put("csr", csr).toString();
    }

    private static X509Certificate issued(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return RunningCa.certificates(JSON.readTree(r.body()).get("certificate").asText()).get(0);
    }

    private static List<String> sans(X509Certificate c) throws Exception {
        return c.getSubjectAlternativeNames().stream().map(l -> String.valueOf(l.get(1))).toList();
    }

    private double verifications() throws Exception {
        for (String line : ca.get("/metrics", Map.of()).body().split("\n")) {
            if (line.startsWith(VERIFICATIONS + " ")) {
                return Double.parseDouble(line.substring(VERIFICATIONS.length() + 1).trim());
            }
        }
        throw new AssertionError("no " + VERIFICATIONS + " on /metrics");
    }

    private void assertNothingIssuedFor(String name) throws Exception {
        HttpResponse<String> r = ca.get("/certs?name=" + name, Map.of("Authorization", "Bearer " + ca.adminToken()));
        assertThat(JSON.readTree(r.body()).get("certificates")).as(r.body()).isEmpty();
    }

    private static void assertProblem(HttpResponse<String> r, int status, String slug, String... detailParts) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode p = JSON.readTree(r.body());
        assertThat(p.get("type").asText()).as(r.body()).isEqualTo("urn:certa:problem:" + slug);
        if (detailParts.length > 0) {
            assertThat(p.get("detail").asText()).contains(detailParts);
        }
    }
}
