package dev.certa.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certa.core.pem.PemWriter;
import dev.certa.core.testing.Tools;
import dev.certa.server.testing.Postgres;
import dev.certa.server.testing.RunningCa;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code certa serve} nodes on one PostgreSQL database, sharing the CA directory, the provisioner
 * and the admin token, behave as one CA.
 */
@org.junit.jupiter.api.Tag("slow")
class TwoNodesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    private final Postgres pg = new Postgres();
    private static final String LOAD_BALANCER = "https://ca.internal.test";

    @AfterEach
    void dropSchema() {
        pg.drop();
    }

    @Test
    void issuedOnOneRevokedOnTheOtherBothSayRevokedAndATokenWorksOnceAcrossNodes() throws Exception {
        Map<String, String> db = new HashMap<>(pg.settings());
        db.put("tokens.ca-url", LOAD_BALANCER); // the URL clients reach both nodes by: tokens name it, not a node
        try (RunningCa a = RunningCa.start(dir.resolve("a"), db, Clock.systemUTC())) {
            Map<String, String> b = new HashMap<>(db);
            b.put("ca-dir", a.data.resolve("ca").toString());
            b.put("admin.token-file", a.info.adminTokenFile().toString());
            b.put("provisioner.default.key", a.data.resolve("provisioners/default.pub.pem").toString());
            try (RunningCa nodeB = RunningCa.start(dir.resolve("b"), b, Clock.systemUTC())) {
                assertThat(nodeB.info.root()).isEqualTo(a.info.root());

                // a token used on node A is refused on node B
                var kc = a.csr("shared.example");
                String token = new dev.certa.server.ra.TokenMinter(Clock.systemUTC(), new java.security.SecureRandom()).mint("default",
                        a.provisionerKey(), java.net.URI.create(LOAD_BALANCER), List.of("shared.example"), Duration.ofMinutes(5));
                String body = JSON.createObjectNode().put("token", token).put("csr", kc.csrPem()).toString();
                HttpResponse<String> onA = a.postJson("/sign", body);
                assertThat(onA.statusCode()).as(onA.body()).isEqualTo(201);
                HttpResponse<String> replay = nodeB.postJson("/sign", body);
                assertThat(replay.statusCode()).isEqualTo(401);
                assertThat(JSON.readTree(replay.body()).get("type").asText()).endsWith("token-replayed");

                // issued on A: B finds it (admin search) and revokes it
                X509Certificate cert = RunningCa.certificates(JSON.readTree(onA.body()).get("certificate").asText()).get(0);
                String serial = cert.getSerialNumber().toString(16);
                Map<String, String> admin = Map.of("Authorization", "Bearer " + a.adminToken());
                HttpResponse<String> found = nodeB.get("/certs?name=shared.example", admin);
                assertThat(JSON.readTree(found.body()).get("certificates").get(0).get("serial").asText()).isEqualTo(serial);
                // A answers OCSP for it first (caching "good"), then B revokes it
                Path work = Files.createDirectories(dir.resolve("work"));
                Path issuing = Files.writeString(work.resolve("int.pem"), PemWriter.certificate(a.info.issuingCa()));
                Path chain = Files.writeString(work.resolve("chain.pem"), PemWriter.certificates(List.of(a.info.issuingCa(), a.info.root())));
                Path leaf = Files.writeString(work.resolve("leaf.pem"), PemWriter.certificate(cert));
                assertThat(ocsp(a, work, issuing, chain, leaf)).contains("leaf.pem: good");
                HttpResponse<String> revoke = nodeB.postJson(nodeB.client, "/revoke",
                        JSON.createObjectNode().put("serial", serial).put("reason", "keyCompromise").toString(), admin);
                assertThat(revoke.statusCode()).as(revoke.body()).isEqualTo(200);

                // both nodes report it revoked, by OCSP (A within its one-second refresh) and by CRL
                assertThat(ocsp(nodeB, work, issuing, chain, leaf)).contains("leaf.pem: revoked", "Reason: keyCompromise");
                Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
                String onNodeA = ocsp(a, work, issuing, chain, leaf);
                while (!onNodeA.contains("leaf.pem: revoked") && Instant.now().isBefore(deadline)) {
                    Thread.sleep(200);
                    onNodeA = ocsp(a, work, issuing, chain, leaf);
                }
                assertThat(onNodeA).contains("leaf.pem: revoked", "Reason: keyCompromise");
                for (RunningCa node : List.of(a, nodeB)) {
                    Path crl = Files.write(work.resolve("node.crl"), node.client.send(HttpRequest.newBuilder(
                            node.http("/crl/" + node.info.issuerId() + ".crl")).build(), HttpResponse.BodyHandlers.ofByteArray()).body());
                    Tools.Result text = Tools.run(work, "openssl", "crl", "-inform", "DER", "-in", crl.toString(), "-CAfile",
                            chain.toString(), "-noout", "-verify", "-text");
                    assertThat(text.output()).as(text.output()).contains("verify OK", "Serial Number: " + EndToEndScenario.hexUpper(cert));
                }
            }
        }
    }

    /** openssl ocsp without a nonce (so the node may answer from its cache), output text. */
    private static String ocsp(RunningCa node, Path work, Path issuing, Path chain, Path leaf) {
        return Tools.run(work, "openssl", "ocsp", "-issuer", issuing.toString(), "-cert", leaf.toString(), "-no_nonce",
                "-url", node.info.httpUrl().toString().replace("localhost", "127.0.0.1") + "/ocsp", "-CAfile", chain.toString(),
                "-timeout", "10").output();
    }
}
