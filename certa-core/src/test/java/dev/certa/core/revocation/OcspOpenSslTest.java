package dev.certa.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.key.KeyType;
import dev.certa.core.testing.TestPki;
import dev.certa.core.testing.Tools;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code openssl ocsp} asks certa's responder, served over HTTP on 127.0.0.1, and believes it:
 * good, revoked with its reason, unknown, with the CA or a delegated responder signing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OcspOpenSslTest {
    private final Map<BigInteger, CertStatus> store = new ConcurrentHashMap<>();
    private RevocationPki pki;
    private X509Certificate goodLeaf;
    private X509Certificate revokedLeaf;
    private X509Certificate unknownLeaf;
    private OcspHttpServer byCa;
    private OcspHttpServer byDelegate;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void start() throws Exception {
        pki = new RevocationPki("OCSP interop");
        goodLeaf = pki.leaf("good.example.com");
        revokedLeaf = pki.leaf("revoked.example.com");
        unknownLeaf = pki.leaf("unknown.example.com"); // issued, but not in the responder's store
        store.put(goodLeaf.getSerialNumber(), CertStatus.good());
        store.put(revokedLeaf.getSerialNumber(),
                CertStatus.revoked(Instant.now().minus(Duration.ofHours(1)), RevocationReason.KEY_COMPROMISE));
        StatusLookup lookup = (issuer, serial) -> store.getOrDefault(serial, CertStatus.unknown());
        byCa = new OcspHttpServer(new OcspResponder(List.of(OcspIssuer.of(pki.ca)), lookup, Clock.systemUTC(),
                Duration.ofHours(12), new OcspResponseCache(100)));
        RevocationPki.Responder delegate = pki.delegatedResponder();
        byDelegate = new OcspHttpServer(new OcspResponder(
                List.of(OcspIssuer.delegated(pki.ca.certificate(), delegate.certificate(), delegate.signer())), lookup,
                Clock.systemUTC(), Duration.ofHours(12), new OcspResponseCache(100)));
    }

    @AfterAll
    void stop() {
        byCa.close();
        byDelegate.close();
    }

    private Tools.Result ask(Path dir, OcspHttpServer server, X509Certificate leaf, String... options) throws Exception {
        pki.writeCaFiles(dir);
        RevocationPki.write(dir.resolve("leaf.pem"), leaf);
        List<String> command = new ArrayList<>(List.of("openssl", "ocsp"));
        command.addAll(List.of(options));
        command.addAll(List.of("-issuer", "int.pem", "-cert", "leaf.pem", "-url", server.url(), "-CAfile", "chain.pem",
                "-timeout", "20"));
        return Tools.run(dir, command);
    }

    @Test
    void opensslGetsGoodForAGoodCertificate(@TempDir Path dir) throws Exception {
        Tools.Result r = ask(dir, byCa, goodLeaf);

        assertThat(r.ok()).as(r.output()).isTrue();
        assertThat(r.output()).contains("Response verify OK").contains("leaf.pem: good").contains("Next Update:")
                .doesNotContain("WARNING");
    }

    @Test
    void opensslGetsRevokedWithTheReason(@TempDir Path dir) throws Exception {
        Tools.Result r = ask(dir, byCa, revokedLeaf);

        assertThat(r.ok()).as(r.output()).isTrue();
        assertThat(r.output()).contains("Response verify OK").contains("leaf.pem: revoked")
                .contains("Reason: keyCompromise").contains("Revocation Time:");
    }

    @Test
    void opensslGetsUnknownForASerialTheStoreDoesNotHave(@TempDir Path dir) throws Exception {
        Tools.Result r = ask(dir, byCa, unknownLeaf);

        assertThat(r.ok()).as(r.output()).isTrue();
        assertThat(r.output()).contains("Response verify OK").contains("leaf.pem: unknown");
    }

    @Test
    void cachedNonceLessAnswersAndSha256CertIdsAreAcceptedToo(@TempDir Path dir) throws Exception {
        Tools.Result first = ask(dir, byCa, revokedLeaf, "-no_nonce", "-sha256");
        Tools.Result cached = ask(dir, byCa, revokedLeaf, "-no_nonce", "-sha256");

        for (Tools.Result r : List.of(first, cached)) {
            assertThat(r.ok()).as(r.output()).isTrue();
            assertThat(r.output()).contains("Response verify OK").contains("leaf.pem: revoked").contains("keyCompromise");
        }
    }

    @Test
    void opensslAcceptsADelegatedResponder(@TempDir Path dir) throws Exception {
        Tools.Result good = ask(dir, byDelegate, goodLeaf);
        Tools.Result revoked = ask(dir, byDelegate, revokedLeaf, "-no_nonce");

        assertThat(good.ok()).as(good.output()).isTrue();
        assertThat(good.output()).contains("Response verify OK").contains("leaf.pem: good");
        assertThat(revoked.output()).contains("Response verify OK").contains("leaf.pem: revoked");
    }

    @Test
    void theGetFormIsAnsweredAndOpensslVerifiesTheResponse(@TempDir Path dir) throws Exception {
        pki.writeCaFiles(dir);
        RevocationPki.write(dir.resolve("leaf.pem"), revokedLeaf);
        Tools.Result made = Tools.run(dir, "openssl", "ocsp", "-issuer", "int.pem", "-cert", "leaf.pem", "-no_nonce",
                "-reqout", "req.der");
        assertThat(made.ok()).as(made.output()).isTrue();
        String path = URLEncoder.encode(Base64.getEncoder().encodeToString(Files.readAllBytes(dir.resolve("req.der"))),
                StandardCharsets.US_ASCII);

        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(byCa.url() + path)).GET()
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
        Files.write(dir.resolve("resp.der"), response.body());
        Tools.Result r = Tools.run(dir, "openssl", "ocsp", "-respin", "resp.der", "-issuer", "int.pem", "-cert", "leaf.pem",
                "-CAfile", "chain.pem");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/ocsp-response");
        assertThat(r.ok()).as(r.output()).isTrue();
        assertThat(r.output()).contains("Response verify OK").contains("leaf.pem: revoked");
    }

    @Test
    void garbageGetsMalformedRequestWithA400(@TempDir Path dir) throws Exception {
        HttpResponse<byte[]> post = http.send(HttpRequest.newBuilder(URI.create(byCa.url()))
                .POST(HttpRequest.BodyPublishers.ofString("this is not an OCSP request"))
                .header("Content-Type", "application/ocsp-request").timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> get = http.send(HttpRequest.newBuilder(URI.create(byCa.url() + "no-base64-here%21")).GET()
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
        Files.write(dir.resolve("resp.der"), post.body());
        Tools.Result text = Tools.run(dir, "openssl", "ocsp", "-respin", "resp.der", "-resp_text", "-noverify");

        for (HttpResponse<byte[]> r : List.of(post, get)) {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).containsExactly(0x30, 0x03, 0x0a, 0x01, 0x01);
        }
        assertThat(text.output()).contains("malformedrequest");
    }

    @Test
    void anotherCasCertificateIsUnauthorized(@TempDir Path dir) throws Exception {
        TestPki other = new TestPki(KeyType.EC_P256, "Elsewhere");
        TestPki.Leaf otherLeaf = other.leaf(new dev.certa.core.profile.Profile.TlsServer(), "elsewhere.example.com");
        RevocationPki.write(dir.resolve("other-int.pem"), other.intermediate.certificate());
        RevocationPki.write(dir.resolve("other-leaf.pem"), otherLeaf.issued().certificate());

        Tools.Result r = Tools.run(dir, "openssl", "ocsp", "-issuer", "other-int.pem", "-cert", "other-leaf.pem",
                "-url", byCa.url(), "-noverify", "-timeout", "20");

        assertThat(r.output()).contains("Responder Error: unauthorized (6)");
    }
}
