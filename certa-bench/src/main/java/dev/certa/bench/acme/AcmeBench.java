package dev.certa.bench.acme;

import static dev.certa.bench.BenchArgs.fmt;
import static dev.certa.bench.BenchArgs.nonNegative;
import static dev.certa.bench.BenchArgs.parse;
import static dev.certa.bench.BenchArgs.positive;
import static dev.certa.bench.BenchArgs.required;

import dev.certa.bench.BenchArgs;
import dev.certa.bench.load.ProcessCpu;
import dev.certa.core.crypto.CryptoProviders;
import dev.certa.core.csr.CsrBuilder;
import dev.certa.core.key.KeyType;
import dev.certa.core.key.SoftwareSigner;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.name.SubjectAltName;
import dev.certa.core.pem.PemReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The load generator of {@code scripts/bench-acme}: full ACME issuances (new order → authorization →
 * http-01 answered by this process's responder, validated by the CA over loopback → finalize with a
 * fresh P-256 key's CSR → certificate downloaded and checked) in a closed loop, {@code concurrency}
 * workers with one account each (made before the run). A warm-up comes first; then a fixed window
 * in which completed issuances are counted and timed, and the CA's CPU time (/proc/PID/stat) and this
 * process's (client, responder and DNS together) are read at both ends. The same program drives certa
 * and Pebble; only the directory URL and the trusted root differ.
 *
 * <pre>
 * --directory URL --trust PEM            the CA's ACME directory, and the root its TLS certificate chains to
 * --server-pid PID                       whose CPU time to read
 * --responder-port P --dns-port P        where this process answers http-01 and DNS (the CA is configured
 *                                        with the same ports; every NAME.SUFFIX resolves to 127.0.0.1)
 * [--suffix bench.test]                  names are n&lt;k&gt;-&lt;run&gt;.SUFFIX, unique per issuance
 * [--concurrency 16,1]                   one run after the other, the same accounts (made for the largest)
 * [--jit-warmup 0] [--warmup 5] [--seconds 10]
 *                                        an unrecorded run at the largest concurrency first (the JIT of both
 *                                        the CA and this client), then per run a warm-up and the window
 * [--jit-settle 0]                       after --jit-warmup, go on warming up in 10 s slices, at most this
 *                                        long, until the CA's JIT compiler threads used under 2% of its CPU
 *                                        in a slice (a JVM under load compiles for minutes; Pebble has none)
 * [--client lean|acme4j]                 the hand-rolled JWS client (default) or acme4j 4
 * [--challenge http-01|dns-01]           how the lean client proves its names (default http-01)
 * [--poll adaptive|eager]               the first poll after the learned usual wait (default) or at once
 * [--poll-us 1000,50000]                 the interval after a poll that found the work not done, doubling up
 *                                        to the second (microseconds); see {@link Poll}
 * [--timeout-ms 15000]                   per-step limit: a step taking longer fails the issuance
 * [--label TEXT] [--server NAME] [--results FILE]
 * </pre>
 */
public final class AcmeBench {
    private AcmeBench() {}

    /** What one issuance-measuring run found. */
    record Result(long ok, long errors, double seconds, double rate, double p50Millis, double p99Millis, double serverCpuMillis,
            double clientCpuMillis, double requestsPerIssuance, double pollsPerIssuance, int stalled, int unfinished,
            List<String> firstErrors) {}

    public static void main(String[] args) throws Exception {
        BenchArgs.runOrExplain("acme", args, AcmeBench::run);
    }

    private static void run(String[] args) throws Exception {
        Map<String, String> a = parse(args);
        URI directory = URI.create(required(a, "directory"));
        List<Integer> concurrencies = new ArrayList<>();
        for (String c : a.getOrDefault("concurrency", "1").split(",")) {
            concurrencies.add(positive("concurrency", c.trim()));
        }
        int workers = concurrencies.stream().mapToInt(Integer::intValue).max().orElseThrow();
        double warmup = nonNegative(a, "warmup", "5");
        double jitWarmup = nonNegative(a, "jit-warmup", "0");
        double jitSettle = nonNegative(a, "jit-settle", "0");
        double seconds = nonNegative(a, "seconds", "10");
        String client = a.getOrDefault("client", "lean");
        if (!client.equals("lean") && !client.equals("acme4j")) {
            throw new IllegalArgumentException("--client must be lean or acme4j, not " + client);
        }
        String challenge = a.getOrDefault("challenge", "http-01");
        if (!challenge.equals("http-01") && !challenge.equals("dns-01")) {
            throw new IllegalArgumentException("--challenge must be http-01 or dns-01, not " + challenge);
        }
        if (challenge.equals("dns-01") && !client.equals("lean")) {
            throw new IllegalArgumentException("--challenge dns-01 is answered by the lean client only");
        }
        String[] poll = a.getOrDefault("poll-us", "1000,50000").split(",");
        String pollMode = a.getOrDefault("poll", "adaptive");
        if (!pollMode.equals("adaptive") && !pollMode.equals("eager")) {
            throw new IllegalArgumentException("--poll must be adaptive or eager, not " + pollMode);
        }
        Poll schedule = new Poll(Long.parseLong(poll[0].trim()), Long.parseLong(poll[poll.length - 1].trim()), pollMode.equals("adaptive"));
        int timeoutMillis = positive("timeout-ms", a.getOrDefault("timeout-ms", "15000"));
        String suffix = a.getOrDefault("suffix", "bench.test");
        String label = a.getOrDefault("label", "acme");
        String serverName = a.getOrDefault("server", "server");
        ProcessCpu server = new ProcessCpu(Long.parseLong(required(a, "server-pid")));
        SSLContext tls = tls(required(a, "trust"));
        SecureRandom random = new SecureRandom();
        String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36) + Integer.toString(random.nextInt(36 * 36), 36);

        try (LoopbackDns dns = new LoopbackDns(positive("dns-port", required(a, "dns-port")), suffix);
                ChallengeServer responder = new ChallengeServer(positive("responder-port", required(a, "responder-port")))) {
            List<AcmeClient> clients = new ArrayList<>();
            Provider signatures = CryptoProviders.get().forSignature("SHA256withECDSA");
            for (int w = 0; w < workers; w++) {
                clients.add(client.equals("lean")
                        ? new LeanAcmeClient(directory, tls, responder, dns, challenge, KeyType.EC_P256.generate(random), signatures, schedule,
                                timeoutMillis)
                        : new Acme4jClient(directory, tls, responder, jdkP256(), schedule, timeoutMillis));
            }
            long t0 = System.nanoTime();
            clients.parallelStream().forEach(c -> {
                try {
                    c.register();
                } catch (Exception e) {
                    throw new IllegalStateException("creating an account at " + directory + " failed: " + e.getMessage(), e);
                }
            });
            System.err.printf(Locale.ROOT, "acme: %s: %d accounts in %.1f s%n", label, workers, (System.nanoTime() - t0) / 1e9);
            if (jitWarmup > 0) {
                System.err.printf(Locale.ROOT, "acme: %s: warming up for %.0f s at c=%d%n", label, jitWarmup, workers);
                measure(clients, run + "w", suffix, jitWarmup, 0, server, timeoutMillis);
            }
            settleJit(clients, run, suffix, jitWarmup, jitSettle, server, timeoutMillis, label);
            boolean anyOk = false;
            for (int c : concurrencies) {
                Result r = measure(clients.subList(0, c), run + "c" + c, suffix, warmup, seconds, server, timeoutMillis);
                anyOk |= r.ok() > 0;
                report(a, label, serverName, client, c, r, responder, dns);
                if (r.unfinished() > 0) {
                    System.err.println("acme: " + label + ": workers are stuck in requests the CA does not answer; no further runs");
                    break;
                }
            }
            clients.forEach(AcmeClient::close);
            System.exit(anyOk ? 0 : 1);
        }
    }

    private static void report(Map<String, String> a, String label, String serverName, String client, int concurrency, Result r,
            ChallengeServer responder, LoopbackDns dns) throws java.io.IOException {
        double load = loadAverage();
        String line = String.join("\t", label, serverName, client, Integer.toString(concurrency), Long.toString(r.ok()),
                Long.toString(r.errors()), fmt(r.seconds()), fmt(r.rate()), fmt(r.p50Millis()), fmt(r.p99Millis()),
                fmt(r.serverCpuMillis()), fmt(r.clientCpuMillis()), fmt(r.requestsPerIssuance()), fmt(r.pollsPerIssuance()),
                Integer.toString(r.stalled()), fmt(load));
        System.out.printf(Locale.ROOT, "%-14s %-6s c=%-3d %8.1f issuances/s  p50 %7.2f ms  p99 %7.2f ms  errors %d"
                + "  CA CPU %.2f ms/issuance  client CPU %.2f ms/issuance  %.1f requests, %.2f polls/issuance%s%s%n",
                label, client, concurrency, r.rate(), r.p50Millis(), r.p99Millis(), r.errors(), r.serverCpuMillis(),
                r.clientCpuMillis(), r.requestsPerIssuance(), r.pollsPerIssuance(),
                r.stalled() > 0 ? "  STALLED: " + r.stalled() + " worker(s) finished nothing in the window's last seconds" : "",
                r.unfinished() > 0 ? "; " + r.unfinished() + " still stuck after it" : "");
        r.firstErrors().forEach(e -> System.err.println("acme: " + label + ": failure: " + e));
        System.err.printf(Locale.ROOT, "acme: %s: so far the responder served %,d fetches (%d for unknown tokens), DNS %,d answers%n",
                label, responder.fetches(), responder.unknown(), dns.queries());
        if (a.containsKey("results")) {
            Files.writeString(Path.of(a.get("results")), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }

    /**
     * Warms up in 10 s slices, at most {@code maxSeconds}, until the CA's compiler threads used under 2% of
     * its CPU in the last slice; says on stderr how long it took and where the compiler stood.
     */
    private static void settleJit(List<AcmeClient> clients, String run, String suffix, double before, double maxSeconds,
            ProcessCpu server, int timeoutMillis, String label) throws InterruptedException {
        if (maxSeconds <= 0 || server.compilerSeconds() == 0 || Double.isNaN(server.compilerSeconds())) {
            return;
        }
        double spent = 0;
        double share = Double.NaN;
        for (int slice = 0; spent < maxSeconds; slice++) {
            double cpu0 = server.seconds();
            double jit0 = server.compilerSeconds();
            measure(clients, run + "s" + slice, suffix, 10, 0, server, timeoutMillis);
            spent += 10;
            share = (server.compilerSeconds() - jit0) / Math.max(1e-9, server.seconds() - cpu0);
            if (share < 0.02) {
                break;
            }
        }
        System.err.printf(Locale.ROOT, "acme: %s: JIT %s after %.0f s of warm-up (compiler threads: %.1f%% of the CA's CPU in the"
                + " last 10 s)%n", label, share < 0.02 ? "settled" : "still compiling", before + spent, 100 * share);
    }

    private static Result measure(List<AcmeClient> clients, String run, String suffix, double warmupSeconds, double seconds,
            ProcessCpu server, int timeoutMillis) throws InterruptedException {
        int n = clients.size();
        SecureRandom random = new SecureRandom();
        AtomicLong names = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ConcurrentLinkedQueue<String> errorMessages = new ConcurrentLinkedQueue<>();
        long[][] latencies = new long[n][];
        int[] counts = new int[n];
        long[] lastDone = new long[n];
        long[] requestsAt = new long[n];
        long[] pollsAt = new long[n];
        long[] window = {Long.MAX_VALUE, Long.MAX_VALUE};
        Object lock = new Object();
        StopFlag stop = new StopFlag();
        CountDownLatch done = new CountDownLatch(n);
        for (int w = 0; w < n; w++) {
            int worker = w;
            AcmeClient c = clients.get(w);
            latencies[w] = new long[1 << 12];
            Thread.ofPlatform().name("acme-" + w).daemon(true).start(() -> {
                try {
                    while (!stop.value) {
                        String name = "n" + names.incrementAndGet() + "-" + run + "." + suffix;
                        long start = System.nanoTime();
                        boolean ok;
                        try {
                            // a client makes a fresh key and CSR for each certificate: part of the issuance's cost
                            KeyPair key = KeyType.EC_P256.generate(random);
                            byte[] csr = new CsrBuilder(DistinguishedNames.commonName(name)).addSubjectAltName(SubjectAltName.dns(name))
                                    .sign(SoftwareSigner.of(key)).der();
                            c.issue(name, csr);
                            ok = true;
                        } catch (Exception | AssertionError e) {
                            ok = false;
                            if (errorMessages.size() < 3) {
                                errorMessages.add(name + ": " + e);
                            }
                        }
                        long end = System.nanoTime();
                        synchronized (lock) {
                            boolean in = end >= window[0] && end <= window[1];
                            if (in && ok) {
                                if (counts[worker] == latencies[worker].length) {
                                    latencies[worker] = Arrays.copyOf(latencies[worker], counts[worker] * 2);
                                }
                                latencies[worker][counts[worker]++] = end - start;
                                lastDone[worker] = end;
                            } else if (in) {
                                errors.incrementAndGet();
                            }
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        Thread.sleep((long) (warmupSeconds * 1000));
        ProcessCpu self = ProcessCpu.self();
        long from;
        double serverStart;
        double clientStart;
        synchronized (lock) {
            from = System.nanoTime();
            window[0] = from;
            Arrays.fill(lastDone, from);
            for (int w = 0; w < n; w++) {
                requestsAt[w] = clients.get(w).requests();
                pollsAt[w] = clients.get(w).polls();
            }
            serverStart = server.seconds();
            clientStart = self.seconds();
        }
        Thread.sleep((long) (seconds * 1000));
        long to;
        double serverEnd;
        double clientEnd;
        long requests = 0;
        long polls = 0;
        int stalled = 0;
        synchronized (lock) {
            to = System.nanoTime();
            window[1] = to;
            serverEnd = server.seconds();
            clientEnd = self.seconds();
            for (int w = 0; w < n; w++) {
                // read without the worker's cooperation: a count a request or two off, over thousands
                requests += clients.get(w).requests() - requestsAt[w];
                polls += clients.get(w).polls() - pollsAt[w];
                if (to - lastDone[w] > TimeUnit.SECONDS.toNanos(Math.min(5, (long) Math.max(1, seconds / 2)))) {
                    stalled++;
                }
            }
        }
        stop.value = true;
        done.await(timeoutMillis + 5000L, TimeUnit.MILLISECONDS);
        int unfinished = (int) done.getCount();
        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int w = 0; w < n; w++) {
            System.arraycopy(latencies[w], 0, all, at, counts[w]);
            at += counts[w];
        }
        Arrays.sort(all);
        double elapsed = (to - from) / 1e9;
        long ok = all.length;
        boolean countsRequests = clients.getFirst().requests() >= 0;
        return new Result(ok, errors.get(), elapsed, ok / elapsed, percentile(all, 0.50), percentile(all, 0.99),
                ok == 0 ? Double.NaN : (serverEnd - serverStart) / ok * 1000, ok == 0 ? Double.NaN : (clientEnd - clientStart) / ok * 1000,
                ok == 0 || !countsRequests ? Double.NaN : (double) requests / ok, ok == 0 ? Double.NaN : (double) polls / ok,
                stalled, unfinished, List.copyOf(errorMessages));
    }

    private static KeyPair jdkP256() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    private static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    private static SSLContext tls(String trustPem) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        int i = 0;
        for (X509Certificate c : PemReader.readCertificates(Files.readAllBytes(Path.of(trustPem)), trustPem)) {
            ks.setCertificateEntry("root" + i++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    private static final class StopFlag {
        volatile boolean value;
    }
}
