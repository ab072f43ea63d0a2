package dev.certa.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certa.server.audit.AuditVerifier;
import dev.certa.server.config.ConfigLoader;
import dev.certa.server.ra.TokenMinter;
import dev.certa.store.AcmeAccount;
import dev.certa.store.AcmeAuthorization;
import dev.certa.store.AcmeOrder;
import dev.certa.store.AcmeStatus;
import dev.certa.store.CertaStore;
import dev.certa.store.StoreConfig;
import dev.certa.store.Stores;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a node under load: after a restart every certificate any client received is in
 * the store, byte for byte; no serial was used twice; the audit chain verifies; and an ACME order the
 * killed node left processing is swept (failed, its replaces claim released): none is left processing.
 */
@org.junit.jupiter.api.Tag("slow")
class KillNineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    @Test
    void everyCertificateAClientReceivedSurvivesASigkillUnderLoad() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve(ConfigLoader.DEFAULT_FILE), "https-port = 0\nhttp-port = 0\nacme.validation-sweep-interval = 1s\n");
        Child first = start(data);
        URI https = readyUrl(first);
        X509Certificate root = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(Files.newInputStream(data.resolve("ca/root-ca.pem")));
        HttpClient client = client(root);
        KeyPair provisioner = dev.certa.core.pem.PemReader.readPrivateKey(Files.readAllBytes(data.resolve("provisioners/default.key.pem")),
                "key", dev.certa.core.pem.PasswordSource.none()).keyPair();
        TokenMinter minter = new TokenMinter(Clock.systemUTC(), new SecureRandom());

        Map<BigInteger, byte[]> received = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService load = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            int worker = t;
            load.submit(() -> {
                var keys = dev.certa.core.key.KeyType.EC_P256.generate(new SecureRandom());
                for (int i = 0; running.get(); i++) {
                    String name = "w" + worker + "-" + i + ".example";
                    var csr = new dev.certa.core.csr.CsrBuilder(dev.certa.core.name.DistinguishedNames.of(name, "t"))
                            .addSubjectAltName(dev.certa.core.name.SubjectAltName.dns(name)).sign(dev.certa.core.key.SoftwareSigner.of(keys));
                    String body = JSON.createObjectNode().put("token", minter.mint("default", provisioner, https, List.of(name), Duration.ofMinutes(5)))
                            .put("csr", dev.certa.core.pem.PemWriter.csr(csr)).toString();
                    try {
                        HttpResponse<String> r = client.send(HttpRequest.newBuilder(https.resolve("/sign")).timeout(Duration.ofSeconds(10))
                                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 201) {
                            errors.add(r.statusCode() + " " + r.body());
                        }
                        if (r.statusCode() == 201) {
                            X509Certificate c = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                                    new java.io.ByteArrayInputStream(JSON.readTree(r.body()).get("certificate").asText().getBytes(StandardCharsets.US_ASCII)));
                            received.put(c.getSerialNumber(), c.getEncoded());
                        }
                    } catch (Exception e) {
                        errors.add(e.toString());
                        // the server was killed: the request's fate is unknown to the client, which never got a certificate
                    }
                }
                return null;
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (received.size() < 150 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        first.process().destroyForcibly(); // SIGKILL mid-load
        first.process().waitFor(10, TimeUnit.SECONDS);
        running.set(false);
        load.shutdown();
        assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(received).as("certificates clients received before the kill; errors: %s", errors.stream().limit(3).toList()).hasSizeGreaterThanOrEqualTo(100);

        // what a node killed between an ACME order's move to processing and its certificate leaves: the order
        // processing (its finalization started before the kill), claiming the certificate it replaces
        Instant killedAt = Instant.now();
        try (CertaStore store = Stores.open(new StoreConfig.Sqlite(data.resolve("certa.db")))) {
            leaveAnOrderProcessing(store, killedAt.minus(Duration.ofHours(1)));
            assertThat(store.acme().stalledOrders(killedAt, 100)).containsExactly(STUCK_ORDER);
        }

        // restart on the same data: it must come up (audit log and database intact) and keep issuing
        Child second = start(data);
        URI again = readyUrl(second);
        awaitOutput(second, "order " + STUCK_ORDER + " was processing");
        // a second server on the same data directory, in another process, is refused and says why
        var sameData = new ConfigLoader(data, java.util.Optional.empty(), Map.of()).load().config();
        assertThatThrownBy(() -> dev.certa.server.CertaServer.start(sameData, Clock.systemUTC(), new SecureRandom()).close())
                .isInstanceOf(dev.certa.core.error.CertaException.class)
                .hasMessageContaining("is in use by another process")
                .hasMessageContaining("PostgreSQL");
        String name = "after-restart.example";
        var csr = new dev.certa.core.csr.CsrBuilder(dev.certa.core.name.DistinguishedNames.of(name, "t"))
                .addSubjectAltName(dev.certa.core.name.SubjectAltName.dns(name))
                .sign(dev.certa.core.key.SoftwareSigner.of(dev.certa.core.key.KeyType.EC_P256.generate(new SecureRandom())));
        HttpResponse<String> after = client.send(HttpRequest.newBuilder(again.resolve("/sign")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode()
                        .put("token", minter.mint("default", provisioner, again, List.of(name), Duration.ofMinutes(5)))
                        .put("csr", dev.certa.core.pem.PemWriter.csr(csr)).toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).as(after.body()).isEqualTo(201);
        second.process().destroy(); // SIGTERM: graceful
        assertThat(second.process().waitFor(30, TimeUnit.SECONDS)).isTrue();

        try (CertaStore store = Stores.open(new StoreConfig.Sqlite(data.resolve("certa.db")))) {
            for (var e : received.entrySet()) {
                var stored = store.certificates().find(e.getKey());
                assertThat(stored).as("serial %s a client received", e.getKey().toString(16)).isPresent();
                assertThat(stored.get().certificate().der()).isEqualTo(e.getValue());
            }
            // serials are unique by constraint: as many rows as distinct serials, none lost
            assertThat(store.certificates().count()).isGreaterThanOrEqualTo(received.size() + 1L);
            // swept: no order is left processing, the stuck one failed without a certificate and released its claim
            assertThat(store.acme().stalledOrders(Instant.now().plus(Duration.ofDays(1)), 100)).isEmpty();
            AcmeOrder swept = store.acme().order(STUCK_ORDER).orElseThrow();
            assertThat(swept.status()).isEqualTo(AcmeStatus.INVALID);
            assertThat(swept.certificateSerial()).isEmpty();
            assertThat(swept.error()).hasValueSatisfying(e -> assertThat(e).contains("serverInternal", "create a new order"));
            assertThat(store.acme().replacementOf(REPLACED)).isEmpty();
        }
        AuditVerifier.Result audit = AuditVerifier.verify(data.resolve("audit.log"));
        assertThat(audit.intact()).as(audit.problem()).isTrue();
        List<String> lines = Files.readAllLines(data.resolve("audit.log"));
        for (BigInteger serial : received.keySet()) {
            assertThat(lines).as("audit entry for %s", serial.toString(16)).anyMatch(l -> l.contains("\"serial\":\"" + serial.toString(16) + "\""));
        }
    }

    private static final String STUCK_ORDER = "order-left-processing";
    private static final BigInteger REPLACED = BigInteger.valueOf(0x5eed);

    private static void leaveAnOrderProcessing(CertaStore store, Instant finalizationStarted) {
        store.acme().createAccount(new AcmeAccount("killed-account", "thumbprint", "{\"kty\":\"EC\"}", List.of(), AcmeStatus.VALID,
                finalizationStarted));
        var authz = new AcmeAuthorization("killed-authz", "killed-account", "dns:stuck.example", AcmeStatus.VALID,
                finalizationStarted.plus(Duration.ofDays(30)), finalizationStarted, List.of());
        store.acme().createOrder(new AcmeOrder(STUCK_ORDER, "killed-account", AcmeStatus.PENDING, List.of("dns:stuck.example"),
                List.of(authz.id()), finalizationStarted.plus(Duration.ofDays(7)), Optional.empty(), Optional.empty(), finalizationStarted,
                "default", Optional.empty(), Optional.empty()), List.of(authz), Set.of());
        assertThat(store.acme().startFinalizing(STUCK_ORDER, finalizationStarted)).isTrue();
        assertThat(store.acme().claimReplacement(REPLACED, STUCK_ORDER)).isTrue();
    }

    private static void awaitOutput(Child child, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && child.process().isAlive()) {
            if (Files.readString(child.output()).contains(text)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the server did not log \"" + text + "\": " + Files.readString(child.output()));
    }

    /** A child JVM serving {@code data}; its output goes to a file (a pipe nobody reads would block it). */
    private record Child(Process process, Path output) {}

    private static Child start(Path data) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "dev.certa.server.testing.ServeMain", data.toString()));
        Path out = Files.createTempFile(data.getParent(), "serve-", ".out");
        return new Child(new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start(), out);
    }

    private static URI readyUrl(Child child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && child.process().isAlive()) {
            for (String l : Files.readAllLines(child.output())) {
                if (l.startsWith("READY ")) {
                    return URI.create(l.split(" ")[1]);
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the server did not start: " + Files.readString(child.output()));
    }

    private static HttpClient client(X509Certificate root) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("root", root);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ctx).connectTimeout(Duration.ofSeconds(5)).build();
    }
}
