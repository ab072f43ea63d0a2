package dev.certa.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certa.server.testing.RunningCa;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The HTTP edge of {@code certa serve} tried as an attacker would: credentials sent to the plain-HTTP
 * port, bytes Jetty refuses before the router, broken percent-encoding, OCSP GET URLs with encoded
 * '/', and a flood of OCSP questions about serials nobody issued.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpEdgeAttacksTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM = "application/problem+json";
    @TempDir
    static Path dir;
    private RunningCa ca;
    private SSLContext tls;

    @BeforeAll
    void start() throws Exception {
        ca = RunningCa.start(dir.resolve("data"));
        tls = ca.client.sslContext();
    }

    @AfterAll
    void stop() {
        ca.close();
    }

    private int httpPort() {
        return ca.info.httpUrl().getPort();
    }

    private int httpsPort() {
        return ca.info.httpsUrl().getPort();
    }

    private HttpResponse<String> send(URI uri, String method, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return ca.client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode assertProblem(int status, String contentType, String body, int expected, String slug) throws Exception {
        assertThat(status).as(body).isEqualTo(expected);
        assertThat(contentType).as(body).isEqualTo(PROBLEM);
        JsonNode p = JSON.readTree(body);
        assertThat(p.get("type").asText()).as(body).isEqualTo("urn:certa:problem:" + slug);
        assertThat(p.get("status").asInt()).isEqualTo(expected);
        assertThat(body).doesNotContainIgnoringCase("<html").doesNotContain("org.eclipse", "java.", "com.fasterxml", "Exception");
        return p;
    }

    private static JsonNode assertProblem(HttpResponse<String> r, int expected, String slug) throws Exception {
        return assertProblem(r.statusCode(), r.headers().firstValue("content-type").orElse(""), r.body(), expected, slug);
    }

    private static JsonNode assertProblem(RawHttp.Answer a, int expected, String slug) throws Exception {
        return assertProblem(a.status(), a.contentType(), a.body(), expected, slug);
    }

    private String signBody(String token, String name) {
        return JSON.createObjectNode().put("token", token).put("csr", ca.csr(name).csrPem()).toString();
    }

    private X509Certificate issue(String name) throws Exception {
        HttpResponse<String> r = ca.postJson("/sign", signBody(ca.token(name), name));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return RunningCa.certificates(JSON.readTree(r.body()).get("fullchain").asText()).get(0);
    }

    // 1. the plain-HTTP listener serves what certificates point at, nothing that takes a credential

    @Test
    void anAdminTokenSentInCleartextToThePlainHttpPortIsNotAccepted() throws Exception {
        Map<String, String> admin = Map.of("Authorization", "Bearer " + ca.adminToken());

        JsonNode p = assertProblem(send(ca.http("/certs"), "GET", null, admin), 404, "not-found");
        HttpResponse<String> overTls = send(ca.https("/certs"), "GET", null, admin);

        assertThat(p.get("detail").asText()).contains("plain-HTTP listener", "use the HTTPS address");
        assertThat(overTls.statusCode()).as(overTls.body()).isEqualTo(200);
    }

    @Test
    void aOneTimeTokenPostedToThePlainHttpPortIsNotRedeemed() throws Exception {
        String token = ca.token("cleartext.example.test");
        String body = signBody(token, "cleartext.example.test");
        Map<String, String> json = Map.of("Content-Type", "application/json");

        assertProblem(send(ca.http("/sign"), "POST", body, json), 404, "not-found");
        assertProblem(send(ca.http("/revoke"), "POST", "{}", json), 404, "not-found");
        HttpResponse<String> overTls = send(ca.https("/sign"), "POST", body, json);

        assertThat(overTls.statusCode()).as("the token is still unused: " + overTls.body()).isEqualTo(201);
    }

    @Test
    void theApiMetricsAndRootsAreNotOnThePlainHttpPort() throws Exception {
        for (String path : List.of("/metrics", "/roots", "/ready", "/eab-keys", "/acme/directory")) {
            assertProblem(send(ca.http(path), "GET", null, Map.of()), 404, "not-found");
        }
        assertThat(send(ca.https("/metrics"), "GET", null, Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void crlOcspCaCertificateAndHealthStillAnswerOnThePlainHttpPort() throws Exception {
        X509Certificate leaf = issue("plain-ok.example.test");
        HttpResponse<byte[]> crl = ca.client.send(HttpRequest.newBuilder(ca.http("/crl/" + ca.info.issuerId() + ".crl")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> aia = ca.client.send(HttpRequest.newBuilder(ca.http("/ca/" + ca.info.issuerId() + ".cer")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> ocsp = ocspGet(ca.http("/ocsp/").toString()
                + URLEncoder.encode(OcspRequestsForTests.base64(ca.info.issuingCa(), leaf.getSerialNumber()), StandardCharsets.UTF_8));
        HttpResponse<String> health = send(ca.http("/health"), "GET", null, Map.of());

        assertThat(crl.statusCode()).isEqualTo(200);
        assertThat(crl.headers().firstValue("content-type")).hasValue("application/pkix-crl");
        assertThat(aia.statusCode()).isEqualTo(200);
        assertThat(aia.body()).isEqualTo(ca.info.issuingCa().getEncoded());
        assertThat(ocsp.statusCode()).isEqualTo(200);
        assertThat(OcspRequestsForTests.single(ocsp.body()).getCertStatus()).isEqualTo(CertificateStatus.GOOD);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"ok\"");
    }

    // 2. every answer is a problem document, whatever Jetty or a library thought of the request

    @Test
    void invalidUtf8InAQueryIsA400ProblemWithNoStackTraceInTheLog() throws Exception {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        try {
            for (int port : List.of(httpPort(), httpsPort())) {
                JsonNode p = assertProblem(RawHttp.get(port, port == httpPort() ? null : tls, "/health?x=%ff"), 400, "malformed-query");
                assertThat(p.get("detail").asText()).contains("percent-encoded UTF-8");
                assertProblem(RawHttp.get(port, port == httpPort() ? null : tls, "/health?x=%zz"), 400, "malformed-query");
            }
        } finally {
            root.detachAppender(log);
        }
        assertThat(log.list).filteredOn(e -> e.getThrowableProxy() != null).isEmpty();
        assertThat(log.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).hasSizeLessThanOrEqualTo(4);
    }

    @Test
    void whatJettyRefusesBeforeTheRouterIsAProblemDocumentNotAnHtmlPage() throws Exception {
        for (int port : List.of(httpPort(), httpsPort())) {
            SSLContext t = port == httpPort() ? null : tls;
            assertProblem(RawHttp.get(port, t, "/" + "a".repeat(12_000)), 414, "uri-too-long");
            assertProblem(RawHttp.send(port, t, "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(12_000)
                    + "\r\nConnection: close\r\n\r\n"), 431, "headers-too-large");
            assertProblem(RawHttp.send(port, t, "G\u0001T /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                    400, "malformed-request");
            assertProblem(RawHttp.send(port, t, "GET /health HTTP/7.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                    505, "http-version-not-supported");
            assertProblem(RawHttp.get(port, t, "/he%zzlth"), 400, "malformed-request");
            assertProblem(RawHttp.get(port, t, "/%2e%2e/certs"), 400, "malformed-request");
            assertProblem(RawHttp.get(port, t, "/../certs"), 400, "malformed-request");
        }
    }

    @Test
    void anEncodedSlashOrEmptySegmentOutsideOcspIsRefusedAsAmbiguous() throws Exception {
        JsonNode p = assertProblem(RawHttp.get(httpsPort(), tls, "/crl%2F..%2Fcerts"), 404, "not-found");
        assertThat(p.get("detail").asText()).contains("/crl%2F..%2Fcerts");
        JsonNode ambiguous = assertProblem(RawHttp.get(httpsPort(), tls, "/ca/x%2F..%2F" + ca.info.issuerId() + ".cer"),
                400, "ambiguous-uri");
        assertThat(ambiguous.get("detail").asText()).contains("Ambiguous URI path separator");
        assertProblem(RawHttp.get(httpPort(), null, "/crl//" + ca.info.issuerId() + ".crl"), 400, "ambiguous-uri");
    }

    @Test
    void aBadMethodIsAProblemOnBothPorts() throws Exception {
        for (int port : List.of(httpPort(), httpsPort())) {
            RawHttp.Answer a = RawHttp.send(port, port == httpPort() ? null : tls,
                    "BREW /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertProblem(a, 405, "method-not-allowed");
            assertThat(a.headers()).containsEntry("allow", "GET");
        }
    }

    @Test
    void brokenJsonGetsAPlainDetailWithoutJacksonSettingsOrClassNames() throws Exception {
        Map<String, String> json = Map.of("Content-Type", "application/json");
        for (String body : List.of("{'single': 1}", "{\"a\": 1,}", "{\"a\": NaN}", "{\"a\"", "{\"a\": \"\u0001\"}")) {
            JsonNode p = assertProblem(send(ca.https("/sign"), "POST", body, json), 400, "malformed-json");
            assertThat(p.get("detail").asText()).as(body).startsWith("the body is not valid JSON")
                    .doesNotContain("Feature", "ALLOW_", "enable", "`", "Source:", "REDACTED");
        }
    }

    // 3. OCSP over GET, with '/' in the base64 however a client encodes it

    @Test
    void ocspGetAnswersWhenTheBase64HoldsASlashEncodedAsNginxDoesOrRaw() throws Exception {
        X509Certificate slash = null;
        X509Certificate plus = null;
        for (int i = 0; i < 60 && (slash == null || plus == null); i++) {
            X509Certificate c = issue("ocsp-get-" + i + ".example.test");
            String b64 = OcspRequestsForTests.base64(ca.info.issuingCa(), c.getSerialNumber());
            slash = slash == null && b64.contains("/") ? c : slash;
            plus = plus == null && b64.contains("+") ? c : plus;
        }
        assertThat(slash).as("one of 60 certificates has a '/' in its OCSP request").isNotNull();
        assertThat(plus).as("one of 60 certificates has a '+' in its OCSP request").isNotNull();

        for (X509Certificate c : List.of(slash, plus)) {
            String b64 = OcspRequestsForTests.base64(ca.info.issuingCa(), c.getSerialNumber());
            List<String> forms = List.of(
                    URLEncoder.encode(b64, StandardCharsets.UTF_8),                    // %2F %2B %3D, as nginx and openssl send
                    b64,                                                              // raw '/', '+', '=' (also '//')
                    b64.replace("/", "%2f").replace("+", "%2b").replace("=", "%3d")); // lower-case escapes
            for (URI base : List.of(ca.http("/ocsp/"), ca.https("/ocsp/"))) {
                for (String form : forms) {
                    HttpResponse<byte[]> r = ocspGet(base + form);
                    assertThat(r.statusCode()).as(base + form).isEqualTo(200);
                    assertThat(r.headers().firstValue("content-type")).hasValue("application/ocsp-response");
                    assertThat(OcspRequestsForTests.single(r.body()).getCertStatus()).as(form).isEqualTo(CertificateStatus.GOOD);
                    assertThat(OcspRequestsForTests.single(r.body()).getCertID().getSerialNumber()).isEqualTo(c.getSerialNumber());
                }
            }
        }
    }

    private HttpResponse<byte[]> ocspGet(String url) throws Exception {
        return ca.client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    // 4. questions about serials nobody issued cost a signature, never memory

    @Test
    void aFloodOfUnknownSerialsDoesNotGrowTheOcspCache() throws Exception {
        X509Certificate known = issue("cached.example.test");
        SecureRandom random = new SecureRandom();
        double before = cachedSerials();

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            BigInteger serial = new BigInteger(128, random);
            HttpResponse<byte[]> r = ocspGet(ca.http("/ocsp/") + URLEncoder.encode(
                    OcspRequestsForTests.base64(ca.info.issuingCa(), serial), StandardCharsets.UTF_8));
            statuses.add(r.statusCode());
            assertThat(OcspRequestsForTests.single(r.body()).getCertStatus()).isInstanceOf(UnknownStatus.class);
        }
        double afterFlood = cachedSerials();
        ocspGet(ca.http("/ocsp/") + URLEncoder.encode(OcspRequestsForTests.base64(ca.info.issuingCa(), known.getSerialNumber()),
                StandardCharsets.UTF_8));

        assertThat(statuses).containsOnly(200);
        assertThat(afterFlood).isEqualTo(before);
        assertThat(cachedSerials()).isEqualTo(before + 1);
    }

    private double cachedSerials() throws Exception {
        String metrics = send(ca.https("/metrics"), "GET", null, Map.of()).body();
        Matcher m = Pattern.compile("(?m)^certa_ocsp_cache_serials(?:\\{[^}]*})? (\\S+)$").matcher(metrics);
        assertThat(m.find()).as(metrics).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
