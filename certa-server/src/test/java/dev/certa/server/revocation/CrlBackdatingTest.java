package dev.certa.server.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certa.core.path.PathValidator;
import dev.certa.core.path.TrustStore;
import dev.certa.core.path.ValidationOptions;
import dev.certa.core.path.Verdict;
import dev.certa.core.path.revocation.Crl;
import dev.certa.core.path.revocation.RevocationChecker;
import dev.certa.core.path.revocation.RevocationPolicy;
import dev.certa.core.revocation.ClockSkew;
import dev.certa.server.testing.MovableClock;
import dev.certa.server.testing.RunningCa;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.cert.X509CRLHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding: right after a revocation, {@code certa verify --crl-fetch} called a good certificate NOT TRUSTED
 * ("issued after the instant checked … check the clock") because certa serve's freshly re-signed CRL had
 * thisUpdate = now. The CRL's thisUpdate is now backdated by the clock skew verifiers allow.
 */
class CrlBackdatingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    @Test
    void aCrlSignedRightAfterARevocationIsBackdatedAndUsableByAClientWhoseClockIsBehind() throws Exception {
        MovableClock clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        try (RunningCa ca = RunningCa.start(dir.resolve("data"), Map.of(), clock)) {
            List<X509Certificate> good = issue(ca, "good.example");
            List<X509Certificate> bad = issue(ca, "bad.example");
            HttpResponse<String> revoked = ca.postJson(ca.client, "/revoke", JSON.createObjectNode()
                    .put("serial", bad.get(0).getSerialNumber().toString(16)).put("reason", "keyCompromise").toString(),
                    Map.of("Authorization", "Bearer " + ca.adminToken()));
            assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);

            HttpResponse<byte[]> r = ca.client.send(HttpRequest.newBuilder(ca.http("/crl/" + ca.info.issuerId() + ".crl")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(200);
            X509CRLHolder crl = new X509CRLHolder(r.body());

            assertThat(crl.getThisUpdate().toInstant()).isEqualTo(clock.instant().minus(ClockSkew.REVOCATION_TIMES));
            assertThat(crl.getRevokedCertificate(bad.get(0).getSerialNumber())).isNotNull();
            Instant clientClock = clock.instant().minus(Duration.ofMinutes(2)); // a client two minutes behind the CA
            Verdict goodVerdict = check(ca.info.root(), good, crl, clientClock);
            assertThat(goodVerdict.trusted()).as("%s", goodVerdict.problems()).isTrue();
            Verdict badVerdict = check(ca.info.root(), bad, crl, clientClock);
            assertThat(badVerdict.trusted()).isFalse();
            assertThat(badVerdict.problems().get(0).message()).startsWith("revoked: ");
        }
    }

    private static Verdict check(X509Certificate root, List<X509Certificate> chain, X509CRLHolder crl, Instant at) throws Exception {
        Verdict v = new PathValidator().validateChain(chain, List.of(TrustStore.of("ca", List.of(root))),
                ValidationOptions.server(at, chain.get(0).getSubjectAlternativeNames().iterator().next().get(1).toString()));
        return new RevocationChecker(Optional.empty(), new SecureRandom())
                .check(v, RevocationPolicy.crls(List.of(new Crl("the CA's CRL", crl))), at).verdict();
    }

    private static List<X509Certificate> issue(RunningCa ca, String name) throws Exception {
        var kc = ca.csr(name);
        var body = JSON.createObjectNode().put("token", ca.token(name)).put("csr", kc.csrPem());
        HttpResponse<String> r = ca.postJson("/sign", body.toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return RunningCa.certificates(JSON.readTree(r.body()).get("fullchain").asText());
    }
}
