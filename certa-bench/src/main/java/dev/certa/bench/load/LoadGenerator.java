package dev.certa.bench.load;

import static dev.certa.bench.BenchArgs.fmt;
import static dev.certa.bench.BenchArgs.parse;
import static dev.certa.bench.BenchArgs.required;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certa.bench.BenchArgs;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The load generator of {@code scripts/bench-serve}: one closed-loop run against one endpoint, its result
 * printed and appended as a line to a results file that {@link LoadReport} turns into the table.
 *
 * <pre>
 * --kind sign-certa|sign-cfssl|sign-hostile|ocsp|ocsp-nonce   what to send
 * --url URL --trust PEM                          the endpoint, and the roots its TLS certificate chains to
 * --server-pid PID                               whose CPU time to read (/proc/PID/stat)
 * --concurrency N --warmup S --seconds S         workers (one connection each), warm-up, window
 * --client raw|jdk                               blocking sockets (default) or java.net.http
 * --label TEXT --results FILE                    the row's name, and where to append it
 * sign-*:  --csrs FILE (made when missing, shared by both servers) --pool-rate R (bodies made up front:
 *          R x (warm-up + window)); sign-certa also --provisioner-key PEM --audience URL
 *          [--save-issued DIR] (serials and issuer of the first 2,000 certificates, for the OCSP runs)
 *          --requests N: exactly N bodies instead (the run ends when they are answered)
 * sign-hostile: --modulus-bits B --exponent-bits E (17: 65537) --csrs --provisioner-key --audience --requests N:
 *          N CSRs with an RSA key certa must refuse (400 bad-public-key) before checking their zero signature, all
 *          with one valid token; only such refusals count as answered. Afterwards the same token must still buy
 *          a certificate (a refused request must not spend it), else exit 1.
 * ocsp*:   --issued DIR (as saved by a sign-certa run)
 * </pre>
 */
public final class LoadGenerator {
    private LoadGenerator() {}

    public static void main(String[] args) throws Exception {
        BenchArgs.runOrExplain("load", args, LoadGenerator::run);
    }

    private static void run(String[] args) throws Exception {
        Map<String, String> a = parse(args);
        String kind = a.getOrDefault("kind", "");
        URI url = URI.create(required(a, "url"));
        int concurrency = Integer.parseInt(a.getOrDefault("concurrency", "1"));
        double warmup = Double.parseDouble(a.getOrDefault("warmup", "5"));
        double seconds = Double.parseDouble(a.getOrDefault("seconds", "10"));
        ProcessCpu server = new ProcessCpu(Long.parseLong(required(a, "server-pid")));
        SSLContext tls = tls(a.get("trust"));
        String label = a.getOrDefault("label", kind);
        long prepStart = System.nanoTime();
        LoadRun.Bodies bodies;
        String contentType = "application/json";
        int keep = 0;
        IntPredicate expected = status -> status >= 200 && status < 300;
        String hostileToken = null;
        switch (kind) {
            case "sign-certa", "sign-cfssl" -> {
                List<String> csrs = Requests.csrs(Path.of(required(a, "csrs")), csrPool(a));
                int n = requests(a, warmup, seconds);
                List<byte[]> all = kind.equals("sign-cfssl") ? Requests.cfsslBodies(csrs, n)
                        : Requests.certaBodies(csrs, n, Path.of(required(a, "provisioner-key")), required(a, "audience"));
                bodies = inOrder(all);
                keep = a.containsKey("save-issued") ? 2000 : 0;
            }
            case "sign-hostile" -> {
                Requests.TokenMint mint = Requests.TokenMint.of(Path.of(required(a, "provisioner-key")), required(a, "audience"));
                hostileToken = mint.token("host-0.bench.internal");
                bodies = inOrder(Requests.hostileBodies(hostileToken, BenchArgs.positive("modulus-bits", required(a, "modulus-bits")),
                        BenchArgs.positive("exponent-bits", required(a, "exponent-bits")), BenchArgs.positive("requests", required(a, "requests"))));
                expected = status -> status == 400;
                keep = 16;
            }
            case "ocsp", "ocsp-nonce" -> {
                Path issued = Path.of(required(a, "issued"));
                List<byte[]> requests = Requests.ocsp(issued, kind.equals("ocsp-nonce") ? 20_000 : 0);
                contentType = "application/ocsp-request";
                int[] cursor = new int[concurrency];
                for (int w = 0; w < concurrency; w++) {
                    cursor[w] = w * (requests.size() / concurrency);
                }
                bodies = w -> requests.get(cursor[w]++ % requests.size());
            }
            default -> throw new IllegalArgumentException("--kind must be sign-certa, sign-cfssl, sign-hostile, ocsp or ocsp-nonce");
        }
        System.err.printf(Locale.ROOT, "load: %s: request bodies ready in %.1f s%n", label, (System.nanoTime() - prepStart) / 1e9);
        LoadRun run = new LoadRun(url, contentType, tls, a.getOrDefault("client", "raw"), concurrency, warmup, seconds, server, keep, expected);
        LoadRun.Result r = run.run(bodies);
        boolean ranOut = r.exhausted() && !a.containsKey("requests"); // with --requests the run ends when its bodies are answered
        String line = String.join("\t", label, kind, Integer.toString(concurrency), Long.toString(r.ok()),
                Long.toString(r.errors()), fmt(r.seconds()), fmt(r.rate()), fmt(r.p50Millis()), fmt(r.p99Millis()),
                fmt(r.serverCpuPerThousand()), fmt(r.clientCpuPerThousand()), Boolean.toString(ranOut));
        System.out.printf(Locale.ROOT, "%-22s c=%-3d %,10.0f/s  p50 %7.3f ms  p99 %7.3f ms  errors %d  server CPU %.3f s/1000  client CPU %.3f s/1000%s%n",
                label, concurrency, r.rate(), r.p50Millis(), r.p99Millis(), r.errors(), r.serverCpuPerThousand(),
                r.clientCpuPerThousand(), ranOut ? "  (request pool ran out: raise --pool-rate)" : "");
        r.firstError().ifPresent(e -> System.err.println("load: " + label + ": first failure: " + e));
        if (a.containsKey("results")) {
            Files.writeString(Path.of(a.get("results")), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        if (hostileToken != null) {
            checkRefusedAndUnspent(run, hostileToken, Requests.csrs(Path.of(required(a, "csrs")), csrPool(a)).get(0), url, tls, label);
        }
        if (a.containsKey("save-issued")) {
            saveIssued(Path.of(a.get("save-issued")), run.kept);
        }
        if (r.ok() == 0) {
            System.exit(1);
        }
    }

    /** Bodies handed out once each, in order; {@code null} when all are sent. */
    private static LoadRun.Bodies inOrder(List<byte[]> all) {
        AtomicInteger next = new AtomicInteger();
        return w -> {
            int i = next.getAndIncrement();
            return i < all.size() ? all.get(i) : null;
        };
    }

    private static int csrPool(Map<String, String> a) {
        return BenchArgs.positive("csr-pool", a.getOrDefault("csr-pool", "512"));
    }

    /** {@code --requests N}, else enough bodies for {@code --pool-rate} a second over warm-up and window. */
    private static int requests(Map<String, String> a, double warmup, double seconds) {
        return a.containsKey("requests") ? BenchArgs.positive("requests", a.get("requests"))
                : (int) Math.ceil(Double.parseDouble(a.getOrDefault("pool-rate", "10000")) * (warmup + seconds));
    }

    /**
     * The refusals kept from a hostile run must all be certa's bad-public-key problem, and the token sent with
     * every one of them must still buy a certificate: refusing the key must come before spending the token.
     */
    private static void checkRefusedAndUnspent(LoadRun run, String token, String csr, URI url, SSLContext tls, String label)
            throws IOException {
        for (byte[] answer : run.kept) {
            String text = new String(answer, StandardCharsets.UTF_8);
            if (!text.contains("bad-public-key")) {
                System.err.println("load: " + label + ": a hostile CSR was refused for another reason: " + text);
                System.exit(1);
            }
        }
        try (Transport t = Transport.open("raw", url, "application/json", tls)) {
            HttpConnection.Response r = t.post(Requests.signBody(token, Requests.jsonEscape(csr)), true);
            if (r.status() != 201) {
                System.err.println("load: " + label + ": the token sent with the hostile requests no longer buys a certificate: status "
                        + r.status() + ": " + new String(r.body(), StandardCharsets.UTF_8));
                System.exit(1);
            }
            System.err.println("load: " + label + ": after the hostile requests their token still bought a certificate (201)");
        }
    }

    /** Writes the serials of the kept /sign answers (one hex per line), their issuer and one leaf. */
    private static void saveIssued(Path dir, Iterable<byte[]> answers) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<String> serials = new ArrayList<>();
        String issuer = null;
        String leaf = null;
        for (byte[] b : answers) {
            JsonNode n = mapper.readTree(b);
            serials.add(n.path("serial").asText());
            if (issuer == null) {
                issuer = n.path("chain").path(0).asText();
                leaf = n.path("certificate").asText();
            }
        }
        if (issuer == null || issuer.isEmpty()) {
            throw new IOException("no issued certificate was kept to save");
        }
        Files.createDirectories(dir);
        Files.write(dir.resolve("serials.txt"), serials);
        Files.writeString(dir.resolve("issuer.pem"), issuer);
        Files.writeString(dir.resolve("leaf.pem"), leaf);
    }

    private static SSLContext tls(String trustPem) throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        if (trustPem == null) {
            ctx.init(null, null, null);
            return ctx;
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        int i = 0;
        for (X509Certificate c : dev.certa.core.pem.PemReader.readCertificates(Files.readAllBytes(Path.of(trustPem)), trustPem)) {
            ks.setCertificateEntry("root" + i++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

}
