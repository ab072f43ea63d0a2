package dev.certa.server.testing;

import dev.certa.core.key.KeyType;
import dev.certa.core.pem.PasswordSource;
import dev.certa.core.pem.PemReader;
import dev.certa.core.pem.PemWriter;
import dev.certa.core.csr.CsrBuilder;
import dev.certa.core.name.SubjectAltName;
import dev.certa.server.CertaServer;
import dev.certa.server.ServerInfo;
import dev.certa.server.config.ConfigLoader;
import dev.certa.server.config.ServerConfig;
import dev.certa.server.ra.TokenMinter;
import java.io.IOException;
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
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A {@code certa serve} started in-process on free loopback ports for a test, with an HTTP client that
 * trusts its root, a minter for its default provisioner, and helpers to make CSRs.
 */
public final class RunningCa implements AutoCloseable {
    public final Path data;
    public final CertaServer server;
    public final ServerInfo info;
    public final HttpClient client;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private RunningCa(Path data, CertaServer server, Clock clock) throws Exception {
        this.data = data;
        this.server = server;
        this.info = server.info();
        this.clock = clock;
        this.client = client(Optional.empty());
    }

    /** A CA on SQLite in {@code data}, with extra configuration lines and environment. */
    public static RunningCa start(Path data, Map<String, String> conf, Clock clock) throws Exception {
        Files.createDirectories(data);
        Map<String, String> all = new HashMap<>(Map.of("https-port", "0", "http-port", "0"));
        all.putAll(conf);
        StringBuilder sb = new StringBuilder();
        all.forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
        Files.writeString(data.resolve(ConfigLoader.DEFAULT_FILE), sb.toString());
        ServerConfig config = new ConfigLoader(data, Optional.empty(), Map.of()).load().config();
        return new RunningCa(data, CertaServer.start(config, clock, new SecureRandom()), clock);
    }

    public static RunningCa start(Path data) throws Exception {
        return start(data, Map.of(), Clock.systemUTC());
    }

    public URI https(String path) {
        return info.httpsUrl().resolve(path);
    }

    public URI http(String path) {
        return info.httpUrl().resolve(path);
    }

    /** A token from the default provisioner for {@code names}. */
    public String token(String... names) {
        return token(Duration.ofMinutes(5), names);
    }

    public String token(Duration lifetime, String... names) {
        return new TokenMinter(clock, random).mint("default", provisionerKey(), info.httpsUrl(), List.of(names), lifetime);
    }

    public KeyPair provisionerKey() {
        Path key = data.resolve("provisioners/default.key.pem");
        try {
            return PemReader.readPrivateKey(Files.readAllBytes(key), key.toString(), PasswordSource.none()).keyPair();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String adminToken() throws IOException {
        return Files.readString(info.adminTokenFile()).trim();
    }

    /** A P-256 key and a PEM CSR for {@code names}. */
    public record KeyAndCsr(KeyPair key, String csrPem) {}

    public KeyAndCsr csr(String... names) {
        KeyPair kp = KeyType.EC_P256.generate(random);
        var b = new CsrBuilder(dev.certa.core.name.DistinguishedNames.of(names[0], "certa tests"));
        for (String n : names) {
            b = b.addSubjectAltName(SubjectAltName.parse(n));
        }
        return new KeyAndCsr(kp, PemWriter.csr(b.sign(dev.certa.core.key.SoftwareSigner.of(kp))));
    }

    public HttpResponse<String> postJson(HttpClient c, String path, String json, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(https(path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(b::header);
        return c.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postJson(String path, String json) throws Exception {
        return postJson(client, path, json, Map.of());
    }

    public HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(https(path)).timeout(Duration.ofSeconds(20)).GET();
        headers.forEach(b::header);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An HTTP client trusting this CA's root, presenting {@code clientCert} when given (mTLS). */
    public HttpClient client(Optional<ClientCert> clientCert) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("root", info.root());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = null;
        if (clientCert.isPresent()) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("me", clientCert.get().key().getPrivate(), "x".toCharArray(),
                    clientCert.get().chain().toArray(new X509Certificate[0]));
            kmf = KeyManagerFactory.getInstance("PKIX");
            kmf.init(ks, "x".toCharArray());
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ctx).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A client certificate chain and its key. */
    public record ClientCert(KeyPair key, List<X509Certificate> chain) {}

    public static List<X509Certificate> certificates(String pem) {
        return PemReader.readCertificates(pem.getBytes(StandardCharsets.US_ASCII), "response");
    }

    @Override
    public void close() {
        server.close();
    }
}
