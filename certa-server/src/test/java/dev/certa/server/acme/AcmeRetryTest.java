package dev.certa.server.acme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validation retries (RFC 8555 section 8.2): a failure that may pass (here: nothing listens on the
 * http-01 port) leaves the challenge processing, showing the failure and a Retry-After, and is tried
 * again; a wrong answer is final at once.
 */
class AcmeRetryTest {
    private static final String ERR = "urn:ietf:params:acme:error:";
    @TempDir
    Path data;

    @Test
    void aResponderThatStartsListeningBeforeTheRetryGetsTheCertificate() throws Exception {
        int port = freePort();
        try (AcmeFixture fx = new AcmeFixture(data, Map.of("validation.http-01-port", String.valueOf(port),
                "acme.validation-retries", "2", "acme.validation-retry-delay", "3s"))) {
            RawAcme acme = new RawAcme(fx.ca);
            RawAcme.Account a = acme.newAccount();
            HttpResponse<String> created = acme.newOrder(a, "late.example.test");
            JsonNode order = RawAcme.json(created);
            Challenge http = respond(fx, acme, a, order, true);

            HttpResponse<String> failedOnce = awaitChallenge(acme, a, http.url(), c -> c.has("error"));
            JsonNode c = RawAcme.json(failedOnce);
            assertThat(c.get("status").asText()).isEqualTo("processing");
            assertThat(c.get("error").get("type").asText()).isEqualTo(ERR + "connection");
            assertThat(c.get("error").get("detail").asText()).contains("127.0.0.1:" + port);
            assertThat(failedOnce.headers().firstValue("Retry-After")).hasValue("3");

            try (ChallengeResponder late = new ChallengeResponder(port)) {
                late.answer(http.token(), http.keyAuthorization());
                JsonNode valid = RawAcme.json(awaitChallenge(acme, a, http.url(), x -> !x.get("status").asText().equals("processing")));
                assertThat(valid.get("status").asText()).as(valid.toString()).isEqualTo("valid");
                assertThat(valid.has("error")).isFalse();

                HttpResponse<String> finalized = acme.post(a, order.get("finalize").asText(), csrPayload(fx, "late.example.test"));
                assertThat(finalized.statusCode()).as(finalized.body()).isEqualTo(200);
                String orderUrl = created.headers().firstValue("Location").orElseThrow();
                JsonNode issued = RawAcme.json(acme.post(a, orderUrl, ""));
                assertThat(issued.get("status").asText()).isEqualTo("valid");
                HttpResponse<String> pem = acme.post(a, issued.get("certificate").asText(), "");
                assertThat(pem.statusCode()).isEqualTo(200);
                assertThat(pem.body()).contains("BEGIN CERTIFICATE");
            }
        }
    }

    @Test
    void aResponderThatNeverListensMakesTheChallengeInvalidAfterTheRetries() throws Exception {
        int port = freePort();
        try (AcmeFixture fx = new AcmeFixture(data, Map.of("validation.http-01-port", String.valueOf(port),
                "acme.validation-retries", "2", "acme.validation-retry-delay", "1s"))) {
            RawAcme acme = new RawAcme(fx.ca);
            RawAcme.Account a = acme.newAccount();
            HttpResponse<String> created = acme.newOrder(a, "never.example.test");
            JsonNode order = RawAcme.json(created);
            Challenge http = respond(fx, acme, a, order, true);

            JsonNode c = RawAcme.json(awaitChallenge(acme, a, http.url(), x -> !x.get("status").asText().equals("processing")));

            assertThat(c.get("status").asText()).isEqualTo("invalid");
            assertThat(c.get("error").get("type").asText()).isEqualTo(ERR + "connection");
            assertThat(c.get("error").get("detail").asText()).contains("tried 3 times, 1 s apart");
            JsonNode authz = RawAcme.json(acme.post(a, order.get("authorizations").get(0).asText(), ""));
            assertThat(authz.get("status").asText()).isEqualTo("invalid");
            assertThat(RawAcme.json(acme.post(a, created.headers().firstValue("Location").orElseThrow(), "")).get("status").asText())
                    .isEqualTo("invalid");
        }
    }

    @Test
    void aWrongKeyAuthorizationIsInvalidAtOnceWithoutRetries() throws Exception {
        try (AcmeFixture fx = new AcmeFixture(data, Map.of("acme.validation-retries", "2", "acme.validation-retry-delay", "30s"))) {
            RawAcme acme = new RawAcme(fx.ca);
            RawAcme.Account a = acme.newAccount();
            JsonNode order = RawAcme.json(acme.newOrder(a, "wrong.example.test"));
            Challenge http = respond(fx, acme, a, order, false);

            JsonNode c = RawAcme.json(awaitChallenge(acme, a, http.url(), x -> !x.get("status").asText().equals("processing")));

            assertThat(c.get("status").asText()).isEqualTo("invalid");
            assertThat(c.get("error").get("type").asText()).isEqualTo(ERR + "incorrectResponse");
            assertThat(c.get("error").get("detail").asText()).doesNotContain("tried");
        }
    }

    record Challenge(String url, String token, String keyAuthorization) {}

    /** Points the order's only name at loopback, has {@code fx.web} answer (rightly or not), and tells the CA to validate http-01. */
    static Challenge respond(AcmeFixture fx, RawAcme acme, RawAcme.Account a, JsonNode order, boolean right) throws Exception {
        JsonNode authz = RawAcme.json(acme.post(a, order.get("authorizations").get(0).asText(), ""));
        fx.pointAtResponder(authz.get("identifier").get("value").asText());
        JsonNode http = null;
        for (JsonNode c : authz.get("challenges")) {
            if (c.get("type").asText().equals("http-01")) {
                http = c;
            }
        }
        assertThat(http).isNotNull();
        String token = http.get("token").asText();
        String keyAuthorization = token + "." + a.key().computeThumbprint();
        fx.web.answer(token, right ? keyAuthorization : token + ".not-the-thumbprint");
        HttpResponse<String> responded = acme.post(a, http.get("url").asText(), "{}");
        assertThat(responded.statusCode()).as(responded.body()).isEqualTo(200);
        return new Challenge(http.get("url").asText(), token, keyAuthorization);
    }

    /** Asks for the challenge every 100 ms until {@code done} (at most 20 s). */
    static HttpResponse<String> awaitChallenge(RawAcme acme, RawAcme.Account a, String url, Predicate<JsonNode> done) throws Exception {
        for (int i = 0; i < 200; i++) {
            HttpResponse<String> r = acme.post(a, url, "");
            if (done.test(RawAcme.json(r))) {
                return r;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the challenge did not get there in 20 s: " + acme.post(a, url, "").body());
    }

    static String csrPayload(AcmeFixture fx, String... names) {
        String pem = fx.ca.csr(names).csrPem();
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        return "{\"csr\":\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(der) + "\"}";
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
