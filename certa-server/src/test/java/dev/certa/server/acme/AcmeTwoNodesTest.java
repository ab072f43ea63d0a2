package dev.certa.server.acme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.certa.server.testing.Postgres;
import dev.certa.server.testing.RunningCa;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one PostgreSQL database behind one public URL ({@code acme.base-url}): an order made on
 * node A is validated and finalized through node B, and a nonce from either node is accepted by the
 * other, once.
 */
@org.junit.jupiter.api.Tag("slow")
class AcmeTwoNodesTest {
    @TempDir
    Path dir;
    private final Postgres pg = new Postgres();

    @AfterEach
    void dropSchema() {
        pg.drop();
    }

    @Test
    void anOrderMadeOnOneNodeIsValidatedAndFinalizedOnTheOther() throws Exception {
        try (TestDnsServer dns = new TestDnsServer(); ChallengeResponder web = new ChallengeResponder()) {
            dns.address("two.example.test", InetAddress.getLoopbackAddress());
            Map<String, String> common = new HashMap<>(pg.settings());
            common.putAll(Map.of("validation.http-01-port", String.valueOf(web.port()), "validation.dns-resolver",
                    "127.0.0.1:" + dns.port(), "validation.allow-private-addresses", "true"));
            try (RunningCa a = RunningCa.start(dir.resolve("a"), common, Clock.systemUTC())) {
                Map<String, String> b = new HashMap<>(common);
                b.put("ca-dir", a.data.resolve("ca").toString());
                b.put("admin.token-file", a.info.adminTokenFile().toString());
                b.put("provisioner.default.key", a.data.resolve("provisioners/default.pub.pem").toString());
                b.put("acme.base-url", a.info.httpsUrl().toString()); // A's URL stands for the load balancer's
                try (RunningCa nodeB = RunningCa.start(dir.resolve("b"), b, Clock.systemUTC())) {
                    RawAcme onA = new RawAcme(a);
                    RawAcme onB = new RawAcme(nodeB);
                    assertThat(onB.directory).isEqualTo(onA.directory);

                    // a nonce from B works on A, once; then not on B either
                    String nonceFromB = onB.nonce();
                    var key = RawAcme.newKey();
                    String body = RawAcme.jws(key, Optional.empty(), onA.url("newAccount"), nonceFromB, "{}");
                    HttpResponse<String> created = onA.post(onA.url("newAccount"), body);
                    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                    assertThat(RawAcme.problemType(onB.post(onB.url("newAccount"), body))).isEqualTo("urn:ietf:params:acme:error:badNonce");
                    RawAcme.Account account = new RawAcme.Account(key, created.headers().firstValue("Location").orElseThrow());

                    // order on A, challenge and finalize on B, certificate from A
                    HttpResponse<String> order = onA.newOrder(account, "two.example.test");
                    String orderUrl = order.headers().firstValue("Location").orElseThrow();
                    JsonNode authz = RawAcme.json(onB.post(account, RawAcme.json(order).get("authorizations").get(0).asText(), ""));
                    JsonNode http = null;
                    for (JsonNode c : authz.get("challenges")) {
                        if (c.get("type").asText().equals("http-01")) {
                            http = c;
                        }
                    }
                    String token = http.get("token").asText();
                    web.answer(token, token + "." + key.computeThumbprint());
                    assertThat(onB.post(account, http.get("url").asText(), "{}").statusCode()).isEqualTo(200);
                    JsonNode o = waitFor(onA, account, orderUrl, "ready");
                    String csr = "{\"csr\":\"" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                            java.util.Base64.getMimeDecoder().decode(a.csr("two.example.test").csrPem().replaceAll("-----[A-Z ]+-----", "")))
                            + "\"}";
                    HttpResponse<String> finalized = onB.post(account, o.get("finalize").asText(), csr);
                    assertThat(finalized.statusCode()).as(finalized.body()).isEqualTo(200);
                    JsonNode valid = waitFor(onA, account, orderUrl, "valid");
                    HttpResponse<String> pem = onA.post(account, valid.get("certificate").asText(), "");
                    assertThat(pem.headers().firstValue("Content-Type")).contains("application/pem-certificate-chain");
                    List<java.security.cert.X509Certificate> chain = RunningCa.certificates(pem.body());
                    assertThat(chain).hasSize(2);
                    assertThat(chain.get(1)).isEqualTo(a.info.issuingCa());
                }
            }
        }
    }

    private static JsonNode waitFor(RawAcme node, RawAcme.Account account, String orderUrl, String status) throws Exception {
        for (int i = 0; i < 100; i++) {
            JsonNode o = RawAcme.json(node.post(account, orderUrl, ""));
            if (o.get("status").asText().equals(status)) {
                return o;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the order did not become " + status);
    }
}
