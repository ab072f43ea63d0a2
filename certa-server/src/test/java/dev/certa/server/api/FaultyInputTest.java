package dev.certa.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certa.server.testing.MovableClock;
import dev.certa.server.testing.RunningCa;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Bad input and faults the issue lists: expired renewals, garbage OCSP, unknown CRL and CA paths. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultyInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    private final MovableClock clock = new MovableClock(Instant.now());
    private RunningCa ca;

    @BeforeAll
    void start() throws Exception {
        ca = RunningCa.start(dir.resolve("data"), Map.of(), clock);
    }

    @AfterAll
    void stop() {
        ca.close();
    }

    @Test
    void renewingAnExpiredCertificateIsRefusedSayingWhen() throws Exception {
        var kc = ca.csr("short.example");
        var body = JSON.createObjectNode().put("token", ca.token("short.example")).put("csr", kc.csrPem()).put("validity", "1h");
        HttpResponse<String> r = ca.postJson("/sign", body.toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        var chain = RunningCa.certificates(JSON.readTree(r.body()).get("fullchain").asText());
        clock.advance(Duration.ofHours(2));
        // the client's own TLS stack does not judge its certificate: the server does, and says so
        HttpResponse<String> late = ca.postJson(ca.client(Optional.of(new RunningCa.ClientCert(kc.key(), chain))), "/renew", "", Map.of());
        assertThat(late.statusCode()).as(late.body()).isEqualTo(403);
        assertThat(JSON.readTree(late.body()).get("type").asText()).endsWith("certificate-expired");
        assertThat(JSON.readTree(late.body()).get("detail").asText()).contains("expired on", "renew before expiry");
    }

    @Test
    void garbageOcspRequestsGetMalformedRequestWithA400NeverA500() throws Exception {
        for (byte[] garbage : new byte[][] {"hello".getBytes(), new byte[] {0x30, (byte) 0x82, 0x7f, 0x7f, 0}, new byte[0]}) {
            HttpResponse<byte[]> r = ca.client.send(HttpRequest.newBuilder(ca.http("/ocsp")).header("Content-Type", "application/ocsp-request")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(garbage)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.headers().firstValue("content-type")).hasValue("application/ocsp-response");
            assertThat(new OCSPResp(r.body()).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
        }
        HttpResponse<byte[]> get = ca.client.send(HttpRequest.newBuilder(ca.http("/ocsp/not%20base64!!")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(get.statusCode()).isEqualTo(400);
        assertThat(new OCSPResp(get.body()).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
    }

    @Test
    void unknownCrlAndCaPathsSayWhereTheRealOnesAre() throws Exception {
        HttpResponse<String> crl = ca.client.send(HttpRequest.newBuilder(ca.http("/crl/nope.crl")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(crl.statusCode()).isEqualTo(404);
        assertThat(crl.body()).contains("/crl/" + ca.info.issuerId() + ".crl");
        HttpResponse<byte[]> aia = ca.client.send(HttpRequest.newBuilder(ca.http("/ca/" + ca.info.issuerId() + ".cer")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(aia.statusCode()).isEqualTo(200);
        assertThat(aia.body()).isEqualTo(ca.info.issuingCa().getEncoded());
    }
}
