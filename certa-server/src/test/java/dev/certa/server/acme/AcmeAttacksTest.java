package dev.certa.server.acme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.ECKey;
import dev.certa.server.testing.Csrs;
import dev.certa.server.testing.RunningCa;
import dev.certa.server.testing.TlsAlpnResponder;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shredzone.acme4j.Identifier;
import org.shredzone.acme4j.util.CertificateUtils;

/** Bad input and attacks on the ACME server: each gets RFC 8555's error type, and nothing is issued. */
class AcmeAttacksTest {
    private static final String ERR = "urn:ietf:params:acme:error:";
    @TempDir
    Path data;
    private AcmeFixture fx;
    private RawAcme acme;

    @BeforeEach
    void start() throws Exception {
        fx = new AcmeFixture(data);
        acme = new RawAcme(fx.ca);
    }

    @AfterEach
    void stop() throws Exception {
        fx.close();
    }

    @Test
    void aReplayedNonceIsRefusedWithAFreshOne() throws Exception {
        ECKey key = RawAcme.newKey();
        String body = RawAcme.jws(key, Optional.empty(), acme.url("newAccount"), acme.nonce(), "{\"termsOfServiceAgreed\":true}");
        assertThat(acme.post(acme.url("newAccount"), body).statusCode()).isEqualTo(201);

        HttpResponse<String> replay = acme.post(acme.url("newAccount"), body);

        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(RawAcme.problemType(replay)).isEqualTo(ERR + "badNonce");
        assertThat(replay.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(replay.headers().firstValue("Replay-Nonce")).isPresent();
    }

    @Test
    void aNonceNotMadeByThisCaIsRefused() throws Exception {
        String made = acme.nonce();
        String forged = made.substring(0, 20) + (made.charAt(20) == 'A' ? 'B' : 'A') + made.substring(21);
        HttpResponse<String> r = acme.post(acme.url("newAccount"), RawAcme.jws(RawAcme.newKey(), Optional.empty(),
                acme.url("newAccount"), forged, "{}"));

        assertThat(RawAcme.problemType(r)).isEqualTo(ERR + "badNonce");
    }

    @Test
    void aJwsSignedByAnotherKeyThanTheAccountsIsRefused() throws Exception {
        RawAcme.Account a = acme.newAccount();
        String url = acme.url("newOrder");
        HttpResponse<String> r = acme.post(url, RawAcme.jws(RawAcme.newKey(), Optional.of(a.url()), url, acme.nonce(),
                "{\"identifiers\":[{\"type\":\"dns\",\"value\":\"x.example.test\"}]}"));

        assertThat(r.statusCode()).isIn(400, 403);
        assertThat(RawAcme.problemType(r)).isIn(ERR + "malformed", ERR + "unauthorized");
    }

    @Test
    void aUrlHeaderThatIsNotTheUrlRequestedIsRefused() throws Exception {
        RawAcme.Account a = acme.newAccount();
        HttpResponse<String> r = acme.post(acme.url("newOrder"), RawAcme.jws(a.key(), Optional.of(a.url()), acme.url("revokeCert"),
                acme.nonce(), "{\"identifiers\":[{\"type\":\"dns\",\"value\":\"x.example.test\"}]}"));

        assertThat(RawAcme.problemType(r)).isEqualTo(ERR + "unauthorized");
    }

    @Test
    void anotherAccountsOrderAuthorizationAndAccountAreOutOfReach() throws Exception {
        RawAcme.Account alice = acme.newAccount();
        RawAcme.Account mallory = acme.newAccount();
        HttpResponse<String> created = acme.newOrder(alice, "alice.example.test");
        String order = created.headers().firstValue("Location").orElseThrow();
        JsonNode o = RawAcme.json(created);
        String authz = o.get("authorizations").get(0).asText();

        for (String url : new String[] {order, authz, o.get("finalize").asText(), alice.url()}) {
            HttpResponse<String> r = acme.post(mallory, url, url.equals(alice.url()) ? "{\"contact\":[]}" : "");
            assertThat(RawAcme.problemType(r)).as(url).isEqualTo(ERR + "unauthorized");
        }
        // mallory naming alice's account as kid, signed with mallory's key
        HttpResponse<String> kid = acme.post(order, RawAcme.jws(mallory.key(), Optional.of(alice.url()), order, acme.nonce(), ""));
        assertThat(RawAcme.problemType(kid)).isIn(ERR + "malformed", ERR + "unauthorized");
    }

    @Test
    void finalizingBeforeTheOrderIsReadyIsRefused() throws Exception {
        RawAcme.Account a = acme.newAccount();
        JsonNode o = RawAcme.json(acme.newOrder(a, "early.example.test"));

        HttpResponse<String> r = acme.post(a, o.get("finalize").asText(), csrPayload("early.example.test"));

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(RawAcme.problemType(r)).isEqualTo(ERR + "orderNotReady");
        assertNothingIssuedFor("early.example.test");
    }

    @Test
    void aCsrWithNamesBeyondTheOrderIsRefused() throws Exception {
        RawAcme.Account a = acme.newAccount();
        HttpResponse<String> created = acme.newOrder(a, "ready.example.test");
        JsonNode o = RawAcme.json(created);
        validateHttp01(a, o.get("authorizations").get(0).asText(), true);
        assertThat(RawAcme.json(acme.post(a, created.headers().firstValue("Location").orElseThrow(), "")).get("status").asText())
                .isEqualTo("ready");

        HttpResponse<String> extra = acme.post(a, o.get("finalize").asText(), csrPayload("ready.example.test", "evil.example.test"));
        HttpResponse<String> missing = acme.post(a, o.get("finalize").asText(), csrPayload("other.example.test"));

        assertThat(RawAcme.problemType(extra)).isEqualTo(ERR + "badCSR");
        assertThat(RawAcme.problemType(missing)).isEqualTo(ERR + "badCSR");
        assertNothingIssuedFor("evil.example.test");
        assertNothingIssuedFor("ready.example.test");
    }

    @Test
    void anOrdersCsrCannotAddANameThroughItsSubjectAndItsOtherAttributesAreDropped() throws Exception {
        RawAcme.Account a = acme.newAccount();
        String finalize = readyOrder(a, "subject.example.test").get("finalize").asText();

        HttpResponse<String> foreign = acme.post(a, finalize,
                csrJson(Csrs.withSubject("CN=victim.example.com,O=Evil Bank", "subject.example.test")));
        HttpResponse<String> ok = acme.post(a, finalize,
                csrJson(Csrs.withSubject("CN=subject.example.test,OU=Payments,O=Evil Bank", "subject.example.test")));

        assertThat(RawAcme.problemType(foreign)).isEqualTo(ERR + "badCSR");
        assertThat(RawAcme.json(foreign).get("detail").asText()).contains("the CSR's subject CN 'victim.example.com'");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        HttpResponse<String> chain = acme.post(a, RawAcme.json(ok).get("certificate").asText(), "");
        X509Certificate leaf = RunningCa.certificates(chain.body()).get(0);
        assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=subject.example.test");
        assertThat(leaf.getSubjectAlternativeNames().stream().map(l -> String.valueOf(l.get(1))).toList())
                .containsExactly("subject.example.test");
        assertNothingIssuedFor("victim.example.com");
    }

    @Test
    void aHugeRsaKeyAtFinalizeIsRefusedBeforeItsSignatureIsChecked() throws Exception {
        RawAcme.Account a = acme.newAccount();
        JsonNode o = readyOrder(a, "hugekey.example.test");
        double before = verifications();

        HttpResponse<String> big = acme.post(a, o.get("finalize").asText(), csrJson(Csrs.hostileRsa(16384, 17, "hugekey.example.test")));
        HttpResponse<String> exponent = acme.post(a, o.get("finalize").asText(),
                csrJson(Csrs.hostileRsa(4096, 4096, "hugekey.example.test")));

        assertThat(RawAcme.problemType(big)).isEqualTo(ERR + "badPublicKey");
        assertThat(RawAcme.json(big).get("detail").asText()).contains("RSA key of 16384 bits");
        assertThat(RawAcme.problemType(exponent)).isEqualTo(ERR + "badPublicKey");
        assertThat(RawAcme.json(exponent).get("detail").asText()).contains("public exponent a number of 4096 bits");
        assertThat(verifications()).as("CSR signatures verified").isEqualTo(before);
        assertNothingIssuedFor("hugekey.example.test");
    }

    /** A new order for {@code name}, validated by http-01 until it is ready. */
    private JsonNode readyOrder(RawAcme.Account a, String name) throws Exception {
        HttpResponse<String> created = acme.newOrder(a, name);
        JsonNode o = RawAcme.json(created);
        validateHttp01(a, o.get("authorizations").get(0).asText(), true);
        JsonNode ready = RawAcme.json(acme.post(a, created.headers().firstValue("Location").orElseThrow(), ""));
        assertThat(ready.get("status").asText()).isEqualTo("ready");
        return ready;
    }

    private static String csrJson(String pem) {
        return "{\"csr\":\"" + Csrs.base64url(pem) + "\"}";
    }

    private double verifications() throws Exception {
        String counter = "certa_csr_signature_verifications_total ";
        for (String line : fx.ca.get("/metrics", Map.of()).body().split("\n")) {
            if (line.startsWith(counter)) {
                return Double.parseDouble(line.substring(counter.length()).trim());
            }
        }
        throw new AssertionError("no " + counter + "on /metrics");
    }

    @Test
    void aWrongKeyAuthorizationAtHttp01MakesTheChallengeInvalid() throws Exception {
        RawAcme.Account a = acme.newAccount();
        HttpResponse<String> created = acme.newOrder(a, "wrong.example.test");
        JsonNode o = RawAcme.json(created);

        JsonNode challenge = validateHttp01(a, o.get("authorizations").get(0).asText(), false);

        assertThat(challenge.get("status").asText()).isEqualTo("invalid");
        assertThat(challenge.get("error").get("type").asText()).isEqualTo(ERR + "incorrectResponse");
        JsonNode order = RawAcme.json(acme.post(a, created.headers().firstValue("Location").orElseThrow(), ""));
        assertThat(order.get("status").asText()).isEqualTo("invalid");
    }

    @Test
    void anOversizedJwsIsRefused() throws Exception {
        RawAcme.Account a = acme.newAccount();
        String url = acme.url("newOrder");
        String big = "{\"identifiers\":[],\"pad\":\"" + "x".repeat(20_000) + "\"}";
        HttpResponse<String> r = acme.post(url, RawAcme.jws(a.key(), Optional.of(a.url()), url, acme.nonce(), big));

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(RawAcme.problemType(r)).isEqualTo(ERR + "malformed");
    }

    @Test
    void malformedBase64urlIsRefused() throws Exception {
        RawAcme.Account a = acme.newAccount();
        String url = acme.url("newOrder");
        JsonNode good = RawAcme.JSON.readTree(RawAcme.jws(a.key(), Optional.of(a.url()), url, acme.nonce(), "{}"));
        String padded = RawAcme.JSON.createObjectNode().put("protected", good.get("protected").asText() + "==")
                .put("payload", good.get("payload").asText()).put("signature", good.get("signature").asText()).toString();
        String plus = RawAcme.JSON.createObjectNode().put("protected", good.get("protected").asText())
                .put("payload", "e30+").put("signature", good.get("signature").asText()).toString();

        assertThat(RawAcme.problemType(acme.post(url, padded))).isEqualTo(ERR + "malformed");
        assertThat(RawAcme.problemType(acme.post(url, plus))).isEqualTo(ERR + "malformed");
    }

    @Test
    void aNameThatDoesNotResolveFailsWithADnsError() throws Exception {
        RawAcme.Account a = acme.newAccount();
        JsonNode o = RawAcme.json(acme.newOrder(a, "nowhere.example.test"));
        JsonNode authz = RawAcme.json(acme.post(a, o.get("authorizations").get(0).asText(), ""));
        JsonNode http = challenge(authz, "http-01");
        acme.post(a, http.get("url").asText(), "{}");
        JsonNode done = poll(a, http.get("url").asText());
        assertThat(done.get("status").asText()).isEqualTo("invalid");
        assertThat(done.get("error").get("type").asText()).isEqualTo(ERR + "dns");
    }

    @Test
    void caaNamingAnotherCaForbidsIssuance() throws Exception {
        fx.dns.caa("forbidden.test", new TestDnsServer.Caa(0, "issue", "other-ca.example"),
                new TestDnsServer.Caa(0, "iodef", "mailto:security@forbidden.test"));
        RawAcme.Account a = acme.newAccount();
        HttpResponse<String> created = acme.newOrder(a, "www.forbidden.test");
        JsonNode o = RawAcme.json(created);

        JsonNode challenge = validateHttp01(a, o.get("authorizations").get(0).asText(), true);

        assertThat(challenge.get("status").asText()).isEqualTo("invalid");
        assertThat(challenge.get("error").get("type").asText()).isEqualTo(ERR + "caa");
        assertThat(challenge.get("error").get("detail").asText()).contains("forbidden.test", "0 issue \"other-ca.example\"",
                "www.forbidden.test");
        JsonNode order = RawAcme.json(acme.post(a, created.headers().firstValue("Location").orElseThrow(), ""));
        assertThat(order.get("status").asText()).isEqualTo("invalid");
        HttpResponse<String> finalize = acme.post(a, o.get("finalize").asText(), csrPayload("www.forbidden.test"));
        assertThat(RawAcme.problemType(finalize)).isEqualTo(ERR + "orderNotReady");
        assertNothingIssuedFor("www.forbidden.test");
    }

    @Test
    void anHttp01RedirectToAPrivateAddressIsNotFollowed() throws Exception {
        fx.dns.address("internal.example.test", java.net.InetAddress.getByName("10.0.0.1"));
        RawAcme.Account a = acme.newAccount();
        HttpResponse<String> created = acme.newOrder(a, "redirect.example.test");
        JsonNode authz = RawAcme.json(acme.post(a, RawAcme.json(created).get("authorizations").get(0).asText(), ""));
        fx.pointAtResponder("redirect.example.test");
        JsonNode http = challenge(authz, "http-01");
        fx.web.redirect(http.get("token").asText(), "http://internal.example.test/.well-known/acme-challenge/" + http.get("token").asText());

        acme.post(a, http.get("url").asText(), "{}");
        JsonNode done = poll(a, http.get("url").asText());

        assertThat(done.get("status").asText()).isEqualTo("invalid");
        assertThat(done.get("error").get("type").asText()).isEqualTo(ERR + "connection");
        assertThat(done.get("error").get("detail").asText()).contains("redirected to http://internal.example.test/",
                "resolves to 10.0.0.1, a private or local address this CA does not contact");
        assertNothingIssuedFor("redirect.example.test");
    }

    @Test
    void anHttp01RedirectToANonHttpPortIsNotFollowed() throws Exception {
        RawAcme.Account a = acme.newAccount();
        HttpResponse<String> created = acme.newOrder(a, "port.example.test");
        JsonNode authz = RawAcme.json(acme.post(a, RawAcme.json(created).get("authorizations").get(0).asText(), ""));
        fx.pointAtResponder("port.example.test");
        JsonNode http = challenge(authz, "http-01");
        fx.web.redirect(http.get("token").asText(), "http://port.example.test:22/.well-known/acme-challenge/x");

        acme.post(a, http.get("url").asText(), "{}");
        JsonNode done = poll(a, http.get("url").asText());

        assertThat(done.get("status").asText()).isEqualTo("invalid");
        assertThat(done.get("error").get("type").asText()).isEqualTo(ERR + "connection");
        assertThat(done.get("error").get("detail").asText()).contains("redirects to http://port.example.test:22/",
                "only redirects to http:// on port 80 and https:// on port 443 are followed");
        assertNothingIssuedFor("port.example.test");
    }

    @Test
    void aTlsAlpn01CertificateWithAnotherDigestMakesTheChallengeInvalid() throws Exception {
        fx.pointAtResponder("alpn.example.test");
        RawAcme.Account a = acme.newAccount();
        HttpResponse<String> created = acme.newOrder(a, "alpn.example.test");
        JsonNode authz = RawAcme.json(acme.post(a, RawAcme.json(created).get("authorizations").get(0).asText(), ""));
        JsonNode alpn = challenge(authz, "tls-alpn-01");
        String token = alpn.get("token").asText();
        byte[] wrongDigest = TlsAlpnResponder.digest(token + ".not-the-thumbprint");
        KeyPair key = TlsAlpnResponder.rsa2048();
        fx.alpn.serve("alpn.example.test", key,
                CertificateUtils.createTlsAlpn01Certificate(key, Identifier.dns("alpn.example.test"), wrongDigest));

        acme.post(a, alpn.get("url").asText(), "{}");
        JsonNode done = poll(a, alpn.get("url").asText());

        assertThat(done.get("status").asText()).isEqualTo("invalid");
        assertThat(done.get("error").get("type").asText()).isEqualTo(ERR + "incorrectResponse");
        assertThat(done.get("error").get("detail").asText()).contains("acmeIdentifier", "not the SHA-256 digest");
        assertThat(fx.alpn.requestedNames()).containsExactly("alpn.example.test");
        JsonNode order = RawAcme.json(acme.post(a, created.headers().firstValue("Location").orElseThrow(), ""));
        assertThat(order.get("status").asText()).isEqualTo("invalid");
        assertNothingIssuedFor("alpn.example.test");
    }

    /** Answers the http-01 challenge of {@code authzUrl} (rightly or not), responds, and waits for the outcome. */
    private JsonNode validateHttp01(RawAcme.Account a, String authzUrl, boolean right) throws Exception {
        JsonNode authz = RawAcme.json(acme.post(a, authzUrl, ""));
        String name = authz.get("identifier").get("value").asText();
        fx.pointAtResponder(name);
        JsonNode http = challenge(authz, "http-01");
        String token = http.get("token").asText();
        String thumbprint = a.key().computeThumbprint().toString();
        fx.web.answer(token, right ? token + "." + thumbprint : token + ".not-the-thumbprint");
        HttpResponse<String> responded = acme.post(a, http.get("url").asText(), "{}");
        assertThat(responded.statusCode()).as(responded.body()).isEqualTo(200);
        return poll(a, http.get("url").asText());
    }

    private JsonNode poll(RawAcme.Account a, String challengeUrl) throws Exception {
        for (int i = 0; i < 100; i++) {
            JsonNode c = RawAcme.json(acme.post(a, challengeUrl, ""));
            if (!c.get("status").asText().equals("processing") && !c.get("status").asText().equals("pending")) {
                return c;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the challenge was not validated in 10 s");
    }

    private static JsonNode challenge(JsonNode authz, String type) {
        for (JsonNode c : authz.get("challenges")) {
            if (c.get("type").asText().equals(type)) {
                return c;
            }
        }
        throw new AssertionError("no " + type + " challenge in " + authz);
    }

    private String csrPayload(String... names) {
        String pem = fx.ca.csr(names).csrPem();
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        return "{\"csr\":\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(der) + "\"}";
    }

    private void assertNothingIssuedFor(String name) throws Exception {
        HttpResponse<String> r = fx.ca.get("/certs?name=" + name, Map.of("Authorization", "Bearer " + fx.ca.adminToken()));
        assertThat(RawAcme.json(r).get("certificates")).as(r.body()).isEmpty();
    }
}
