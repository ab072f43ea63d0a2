package dev.certa.store;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.time.Instant;

/**
 * Measures the store, not a test (no timing is asserted anywhere): {@code record} throughput at 16
 * threads, and {@code record}/{@code find} latency on an empty ledger and on one of a million
 * certificates. Run with scripts/bench-store.
 *
 * <p>{@code StoreBench sqlite DIR [rows]} or {@code StoreBench postgres URL USER [rows]}.
 */
public final class StoreBench {
    private static final int THREADS = 16;
    private static final int SECONDS = 10;
    private static final Instant T = Instant.parse("2026-03-01T00:00:00Z");

    private record Latencies(long[] nanos) {
        String summary() {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return String.format(Locale.ROOT, "p50 %6.0f us  p90 %6.0f us  p99 %6.0f us  (n=%d)",
                    at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99), sorted.length);
        }

        private static double at(long[] sorted, double q) {
            return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, q * sorted.length)] / 1000.0;
        }
    }

    private final String kind;
    private final String[] args;
    private final AtomicLong sequence = new AtomicLong();
    private final byte[] der = new byte[750];

    private StoreBench(String[] args) {
        this.kind = args[0];
        this.args = args;
        ThreadLocalRandom.current().nextBytes(der);
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[0].equals("sqlite") ? arg(args, 2, "1000000") : arg(args, 3, "1000000"));
        new StoreBench(args).run(rows);
    }

    private static String arg(String[] args, int i, String otherwise) {
        return args.length > i ? args[i] : otherwise;
    }

    private StoreConfig config(String name) throws Exception {
        discard(name);
        if (kind.equals("sqlite")) {
            Files.createDirectories(Path.of(args[1]));
            return new StoreConfig.Sqlite(Path.of(args[1], name + ".db"));
        }
        return new StoreConfig.Postgres(args[1], args[2], "", "certa_bench_" + name, 16);
    }

    private void discard(String name) throws Exception {
        if (kind.equals("sqlite")) {
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(Path.of(args[1], name + ".db" + suffix));
            }
        } else {
            try (Connection c = DriverManager.getConnection(args[1], args[2], "")) {
                c.createStatement().execute("DROP SCHEMA IF EXISTS certa_bench_" + name + " CASCADE");
            }
        }
    }

    private void run(int rows) throws Exception {
        System.out.printf("store bench: %s, %d threads, %d s per throughput run, %d rows; %d cores, Java %s%n",
                kind, THREADS, SECONDS, rows, Runtime.getRuntime().availableProcessors(), Runtime.version());
        String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (CertaStore warmup = Stores.open(config("warmup_" + suffix))) {
            throughput(warmup, 5); // JIT warm-up on a throw-away store
            singleThreaded(warmup, 5_000);
        } finally {
            discard("warmup_" + suffix);
        }
        String name = "main_" + suffix;
        try (CertaStore store = Stores.open(config(name))) {
            System.out.println("-- empty ledger: " + store.description());
            measure(store);
            long fillStart = System.nanoTime();
            long before = store.certificates().count();
            fill(store, rows);
            double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
            System.out.printf(Locale.ROOT, "-- filled %d certificates in %.0f s (%.0f/s at %d threads)%n",
                    rows - before, fillSeconds, (rows - before) / fillSeconds, THREADS);
            System.out.println("-- ledger of " + store.certificates().count() + " certificates");
            measure(store);
        } finally {
            discard(name);
        }
    }

    private void measure(CertaStore store) throws Exception {
        singleThreaded(store, 3_000);
        throughput(store, SECONDS);
    }

    private IssuedCertificateRecord next() {
        long n = sequence.incrementAndGet();
        BigInteger serial = new BigInteger(159, ThreadLocalRandom.current()).setBit(150);
        Instant issued = T.plusMillis(n);
        return new IssuedCertificateRecord(serial, "issuer-a", der,
                List.of("dns:host-" + n + ".example", "dns:www.host-" + n + ".example"),
                issued, issued.plus(java.time.Duration.ofDays(90)), "server", "provisioner:bench/" + (n % 1000), issued);
    }

    private void singleThreaded(CertaStore store, int n) {
        long[] record = new long[n];
        long[] find = new long[n];
        List<BigInteger> serials = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            IssuedCertificateRecord r = next();
            long t0 = System.nanoTime();
            store.certificates().record(r);
            record[i] = System.nanoTime() - t0;
            serials.add(r.serial());
        }
        for (int i = 0; i < n; i++) {
            BigInteger serial = serials.get(ThreadLocalRandom.current().nextInt(n));
            long t0 = System.nanoTime();
            store.certificates().find(serial).orElseThrow();
            find[i] = System.nanoTime() - t0;
        }
        System.out.println("   record, 1 thread:   " + new Latencies(record).summary());
        System.out.println("   find,   1 thread:   " + new Latencies(find).summary());
    }

    private void throughput(CertaStore store, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<long[]> perThread = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        int[] counts = new int[THREADS];
        long start = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            long[] latencies = new long[4_000_000 / THREADS];
            perThread.add(latencies);
            int index = t;
            threads.add(Thread.ofPlatform().start(() -> {
                int i = 0;
                while (System.nanoTime() < end && i < latencies.length) {
                    IssuedCertificateRecord r = next();
                    long t0 = System.nanoTime();
                    store.certificates().record(r);
                    latencies[i++] = System.nanoTime() - t0;
                }
                counts[index] = i;
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < THREADS; t++) {
            System.arraycopy(perThread.get(t), 0, all, at, counts[t]);
            at += counts[t];
        }
        System.out.printf(Locale.ROOT, "   record, %d threads: %8.0f records/s   %s%n", THREADS, total / elapsed, new Latencies(all).summary());
    }

    private void fill(CertaStore store, int rows) throws Exception {
        AtomicLong left = new AtomicLong(rows - store.certificates().count());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                while (left.getAndDecrement() > 0) {
                    store.certificates().record(next());
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
