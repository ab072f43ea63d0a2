package dev.certa.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certa.server.testing.RunningCa;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /renew} over mTLS, {@code POST /revoke} by admin or holder, {@code GET /certs}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RenewRevokeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    private RunningCa ca;

    @BeforeAll
    void start() throws Exception {
        ca = RunningCa.start(dir.resolve("data"));
    }

    @AfterAll
    void stop() {
        ca.close();
    }

    private RunningCa.ClientCert issue(String... names) throws Exception {
        var kc = ca.csr(names);
        var body = JSON.createObjectNode().put("token", ca.token(names)).put("csr", kc.csrPem());
        HttpResponse<String> r = ca.postJson("/sign", body.toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return new RunningCa.ClientCert(kc.key(), RunningCa.certificates(JSON.readTree(r.body()).get("fullchain").asText()));
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> admin(String path, String body) throws Exception {
        return ca.postJson(ca.client, path, body, Map.of("Authorization", "Bearer " + ca.adminToken()));
    }

    @Test
    void renewingOverMtlsGivesAFreshCertificateForTheSameNamesAndKey() throws Exception {
        RunningCa.ClientCert held = issue("svc.example", "10.1.2.3");
        HttpClient mtls = ca.client(Optional.of(held));
        HttpResponse<String> r = ca.postJson(mtls, "/renew", "", Map.of());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        X509Certificate fresh = RunningCa.certificates(json(r).get("certificate").asText()).get(0);
        X509Certificate old = held.chain().get(0);
        assertThat(fresh.getSerialNumber()).isNotEqualTo(old.getSerialNumber());
        assertThat(fresh.getPublicKey()).isEqualTo(old.getPublicKey());
        assertThat(fresh.getSubjectAlternativeNames()).containsExactlyElementsOf(old.getSubjectAlternativeNames());
        assertThat(fresh.getNotAfter()).isAfterOrEqualTo(old.getNotAfter());
    }

    @Test
    void renewingWithARekeyCsrMovesToTheNewKey() throws Exception {
        RunningCa.ClientCert held = issue("rekey.example");
        var next = ca.csr("rekey.example");
        var body = JSON.createObjectNode().put("csr", next.csrPem());
        HttpResponse<String> r = ca.postJson(ca.client(Optional.of(held)), "/renew", body.toString(), Map.of());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(RunningCa.certificates(json(r).get("certificate").asText()).get(0).getPublicKey()).isEqualTo(next.key().getPublic());
    }

    @Test
    void renewalRebuildsTheSubjectFromTheRecordedNamesAndARekeyCsrGivesOnlyItsKey() throws Exception {
        RunningCa.ClientCert held = issue("rename.example", "10.9.8.7");
        String hostileSubject = dev.certa.server.testing.Csrs.withSubject("CN=victim.example.com,O=Evil Bank", "victim.example.com");
        HttpResponse<String> r = ca.postJson(ca.client(Optional.of(held)), "/renew",
                JSON.createObjectNode().put("csr", hostileSubject).toString(), Map.of());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        X509Certificate fresh = RunningCa.certificates(json(r).get("certificate").asText()).get(0);
        assertThat(fresh.getSubjectX500Principal().getName()).isEqualTo("CN=rename.example");
        assertThat(fresh.getSubjectAlternativeNames().stream().map(l -> String.valueOf(l.get(1))).toList())
                .containsExactly("rename.example", "10.9.8.7");
    }

    @Test
    void renewingWithAHugeRsaKeyIsRefusedBeforeItsSignatureIsChecked() throws Exception {
        RunningCa.ClientCert held = issue("hugekey.example");
        HttpResponse<String> r = ca.postJson(ca.client(Optional.of(held)), "/renew", JSON.createObjectNode()
                .put("csr", dev.certa.server.testing.Csrs.hostileRsa(16384, 16384, "hugekey.example")).toString(), Map.of());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(json(r).get("type").asText()).isEqualTo("urn:certa:problem:bad-public-key");
    }

    @Test
    void renewalNeedsACertificateOfThisCaThatIsNotRevoked() throws Exception {
        HttpResponse<String> none = ca.postJson("/renew", "");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(json(none).get("type").asText()).endsWith("client-certificate-required");

        // signed with the CA's key offline ('certa sign'), so never recorded by the server: not renewable
        var offlineCa = new dev.certa.core.ca.CaDirectory(ca.data.resolve("ca")).issuingCa("ca", dev.certa.core.pem.PasswordSource.none());
        var key = dev.certa.core.key.KeyType.EC_P256.generate(new java.security.SecureRandom());
        var offline = new dev.certa.core.issue.Issuer(java.time.Clock.systemUTC(), new java.security.SecureRandom()).issue(
                dev.certa.core.issue.IssuanceRequest.forKey(key.getPublic(), dev.certa.core.name.DistinguishedNames.of("svc.example", "t"),
                        List.of(dev.certa.core.name.SubjectAltName.dns("svc.example")), dev.certa.core.profile.Profile.leaf("client")), offlineCa);
        HttpResponse<String> foreign = ca.postJson(ca.client(Optional.of(new RunningCa.ClientCert(key, offline.fullChain()))),
                "/renew", "", Map.of());
        assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
        assertThat(json(foreign).get("type").asText()).endsWith("unknown-certificate");

        RunningCa.ClientCert held = issue("gone.example");
        String serial = held.chain().get(0).getSerialNumber().toString(16);
        HttpResponse<String> revoked = admin("/revoke", JSON.createObjectNode().put("serial", serial).put("reason", "keyCompromise").toString());
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(json(revoked).get("status").asText()).isEqualTo("revoked");
        HttpResponse<String> again = ca.postJson(ca.client(Optional.of(held)), "/renew", "", Map.of());
        assertThat(again.statusCode()).isEqualTo(403);
        assertThat(json(again).get("detail").asText()).contains("was revoked");
    }

    @Test
    void revocationByAdminIsIdempotentAndUnknownSerialsAreNamed() throws Exception {
        RunningCa.ClientCert held = issue("twice.example");
        String serial = held.chain().get(0).getSerialNumber().toString(16);
        String body = JSON.createObjectNode().put("serial", serial).put("reason", "superseded").toString();
        assertThat(json(admin("/revoke", body)).get("status").asText()).isEqualTo("revoked");
        assertThat(json(admin("/revoke", body)).get("status").asText()).startsWith("already revoked");
        HttpResponse<String> unknown = admin("/revoke", "{\"serial\":\"abcdef0123\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("detail").asText()).contains("abcdef0123");
        HttpResponse<String> badReason = admin("/revoke", JSON.createObjectNode().put("serial", serial).put("reason", "boredom").toString());
        assertThat(badReason.statusCode()).isEqualTo(400);
        assertThat(json(badReason).get("detail").asText()).contains("keyCompromise");
        HttpResponse<String> badSerial = admin("/revoke", "{\"serial\":\"xyz\"}");
        assertThat(json(badSerial).get("type").asText()).endsWith("bad-serial");
    }

    @Test
    void aHolderMayRevokeOnlyItsOwnCertificate() throws Exception {
        RunningCa.ClientCert mine = issue("mine.example");
        RunningCa.ClientCert other = issue("other.example");
        HttpClient mtls = ca.client(Optional.of(mine));
        HttpResponse<String> notMine = ca.postJson(mtls, "/revoke",
                JSON.createObjectNode().put("serial", other.chain().get(0).getSerialNumber().toString(16)).toString(), Map.of());
        assertThat(notMine.statusCode()).isEqualTo(403);
        assertThat(json(notMine).get("type").asText()).endsWith("not-holder");
        HttpResponse<String> own = ca.postJson(mtls, "/revoke", "{\"reason\":\"cessationOfOperation\"}", Map.of());
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    }

    @Test
    void adminsSearchCertificatesAndOthersAreTurnedAway() throws Exception {
        issue("search-me.example");
        HttpResponse<String> noToken = ca.get("/certs?name=search-me.example", Map.of());
        assertThat(noToken.statusCode()).isEqualTo(401);
        HttpResponse<String> badToken = ca.get("/certs", Map.of("Authorization", "Bearer wrong-token"));
        assertThat(badToken.statusCode()).isEqualTo(403);
        HttpResponse<String> found = ca.get("/certs?name=search-me.example", Map.of("Authorization", "Bearer " + ca.adminToken()));
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        JsonNode certs = json(found).get("certificates");
        assertThat(certs).hasSize(1);
        assertThat(certs.get(0).get("names").get(0).asText()).isEqualTo("dns:search-me.example");
        assertThat(certs.get(0).get("requester").asText()).isEqualTo("provisioner:default/search-me.example");
        assertThat(certs.get(0).get("status").asText()).isEqualTo("valid");
        HttpResponse<String> badLimit = ca.get("/certs?limit=0", Map.of("Authorization", "Bearer " + ca.adminToken()));
        assertThat(badLimit.statusCode()).isEqualTo(400);
    }
}
