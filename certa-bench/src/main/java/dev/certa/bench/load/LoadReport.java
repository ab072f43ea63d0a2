package dev.certa.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Prints {@code scripts/bench-serve}'s table from the lines {@link LoadGenerator} appended to a results
 * file: certa against cfssl measured in the same run (rate, latency, server CPU per 1,000), OCSP rates,
 * the issuance latency with an empty store against one of a million certificates, and (with {@code --hostile})
 * the server CPU a refused hostile /sign request costs against a legitimate one; then each target
 * with PASS or FAIL. Exit status 1 when a target measured in this run fails.
 *
 * <pre>java ... LoadReport RESULTS [--note TEXT]...</pre>
 */
public final class LoadReport {
    /** certa's signing API against cfssl's, at concurrency 16. */
    static final double SIGN_RATIO_TARGET = 2.0;
    /** Cached (nonce-less) OCSP answers a second. */
    static final double OCSP_TARGET = 10_000;
    /** p50 issuance latency with a million certificates stored, over the latency with none. */
    static final double FILLED_LATENCY_TARGET = 1.20;
    /** Server CPU per hostile /sign request (a key certa refuses), over the CPU per legitimate P-256 /sign request. */
    static final double HOSTILE_CPU_TARGET = 0.5;

    record Row(String label, String kind, int concurrency, long ok, long errors, double seconds, double rate, double p50,
            double p99, double serverCpuPerK, double clientCpuPerK, boolean exhausted) {
        static Row parse(String line) {
            String[] f = line.split("\t");
            return new Row(f[0], f[1], Integer.parseInt(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]), d(f[5]), d(f[6]),
                    d(f[7]), d(f[8]), d(f[9]), d(f[10]), Boolean.parseBoolean(f[11]));
        }

        private static double d(String s) {
            return Double.parseDouble(s);
        }
    }

    private LoadReport() {}

    public static void main(String[] args) throws IOException {
        List<Row> rows = Files.readAllLines(Path.of(args[0])).stream().filter(l -> !l.isBlank()).map(Row::parse).toList();
        List<String> notes = new ArrayList<>();
        long filled = 1_000_000;
        for (int i = 1; i + 1 < args.length; i += 2) {
            if (args[i].equals("--note")) {
                notes.add(args[i + 1]);
            } else if (args[i].equals("--filled")) {
                filled = Long.parseLong(args[i + 1]);
            }
        }
        Map<String, String> verdicts = new LinkedHashMap<>();
        boolean failed = false;

        if (rows.stream().anyMatch(r -> r.label().equals("certa-sign") || r.label().equals("cfssl-sign"))) {
            System.out.println();
            System.out.println("Signing API, same CSRs, same client, same transport (HTTPS, TLS 1.3, keep-alive), same run");
            header();
        }
        for (int c : List.of(1, 16)) {
            Optional<Row> certa = find(rows, "certa-sign", c);
            Optional<Row> cfssl = find(rows, "cfssl-sign", c);
            certa.ifPresent(r -> print("certa /sign", r));
            cfssl.ifPresent(r -> print("cfssl /api/v1/cfssl/sign", r));
            if (certa.isPresent() && cfssl.isPresent()) {
                double ratio = certa.get().rate() / cfssl.get().rate();
                System.out.printf(Locale.ROOT, "  %-30s %4d %9.2fx %9.2fx %8.2fx %7s %11.2fx%n", "certa / cfssl", c, ratio,
                        certa.get().p50() / cfssl.get().p50(), certa.get().p99() / cfssl.get().p99(), "",
                        certa.get().serverCpuPerK() / cfssl.get().serverCpuPerK());
                Optional<Row> cfsslDb = find(rows, "cfssl-db-sign", c);
                cfsslDb.ifPresent(r -> print("cfssl + certdb (SQLite), context", r));
                cfsslDb.ifPresent(r -> System.out.printf(Locale.ROOT, "  %-30s %4d %9.2fx %9.2fx %8.2fx %7s %11.2fx%n",
                        "certa / cfssl + certdb", c, certa.get().rate() / r.rate(), certa.get().p50() / r.p50(),
                        certa.get().p99() / r.p99(), "", certa.get().serverCpuPerK() / r.serverCpuPerK()));
                if (c == 16) {
                    boolean pass = ratio >= SIGN_RATIO_TARGET;
                    failed |= !pass;
                    verdicts.put(String.format(Locale.ROOT, "signing API at concurrency 16: certa %,.0f/s = %.2fx cfssl %,.0f/s (target >= %.1fx)",
                            certa.get().rate(), ratio, cfssl.get().rate(), SIGN_RATIO_TARGET), pass ? "PASS" : "FAIL");
                }
            }
        }

        if (rows.stream().anyMatch(r -> r.label().startsWith("certa-ocsp"))) {
            System.out.println();
            System.out.println("OCSP (POST /ocsp over plain HTTP, certificates issued in the signing run above)");
            header();
        }
        for (String label : List.of("certa-ocsp", "certa-ocsp-nonce")) {
            for (int c : List.of(1, 16)) {
                find(rows, label, c).ifPresent(r -> print(label.equals("certa-ocsp") ? "certa, no nonce (cached)"
                        : "certa, with nonce (signed each)", r));
            }
        }
        Optional<Row> cached = rows.stream().filter(r -> r.label().equals("certa-ocsp"))
                .max(java.util.Comparator.comparingDouble(Row::rate));
        if (cached.isPresent()) {
            boolean pass = cached.get().rate() >= OCSP_TARGET;
            failed |= !pass;
            verdicts.put(String.format(Locale.ROOT, "cached OCSP: %,.0f responses/s at concurrency %d (target >= %,.0f/s)",
                    cached.get().rate(), cached.get().concurrency(), OCSP_TARGET), pass ? "PASS" : "FAIL");
        }

        Optional<Row> empty = find(rows, "certa-sign-empty", 1);
        Optional<Row> full = find(rows, "certa-sign-1m", 1);
        if (empty.isPresent() && full.isPresent()) {
            System.out.println();
            System.out.printf(Locale.ROOT, "Issuance latency, one client, SQLite store empty and holding %,d certificates (same run)%n", filled);
            header();
            print("certa /sign, empty store", empty.get());
            print(String.format(Locale.ROOT, "certa /sign, %,d stored", filled), full.get());
            double p50 = full.get().p50() / empty.get().p50();
            double p99 = full.get().p99() / empty.get().p99();
            System.out.printf(Locale.ROOT, "  %-30s %4s %10s %9.2fx %8.2fx%n", "filled / empty", "", "", p50, p99);
            boolean pass = p50 <= FILLED_LATENCY_TARGET;
            failed |= !pass;
            verdicts.put(String.format(Locale.ROOT, "issuance latency with %,d certificates: p50 %.3f ms vs %.3f ms empty = %.2fx"
                    + " (p99 %.2fx) (target p50 <= %.2fx)", filled, full.get().p50(), empty.get().p50(), p50, p99, FILLED_LATENCY_TARGET),
                    pass ? "PASS" : "FAIL");
        }

        failed |= hostile(rows, verdicts);

        if (!notes.isEmpty()) {
            System.out.println();
            notes.forEach(n -> System.out.println("  " + n));
        }
        System.out.println();
        verdicts.forEach((what, verdict) -> System.out.printf("  %-4s  %s%n", verdict, what));
        if (rows.stream().anyMatch(Row::exhausted)) {
            System.out.println("  note: a run used up its prepared requests before its window ended (its rate is over the"
                    + " shorter time); raise --pool-rate");
        }
        System.exit(failed ? 1 : 0);
    }

    /**
     * The hostile-key table: server CPU per refused hostile /sign request against a legitimate one, same run.
     * Returns whether the target failed.
     */
    private static boolean hostile(List<Row> rows, Map<String, String> verdicts) {
        Optional<Row> legit = rows.stream().filter(r -> r.label().equals("legit-sign")).reduce((x, y) -> y);
        List<Row> hostile = rows.stream().filter(r -> r.label().startsWith("hostile-")).toList();
        if (legit.isEmpty() || hostile.isEmpty()) {
            return false;
        }
        System.out.println();
        System.out.println("POST /sign with a valid token: CSR keys certa refuses (400 bad-public-key) against P-256 CSRs it signs, same run");
        System.out.printf(Locale.ROOT, "  %-46s %4s %8s %10s %9s %7s %12s %10s%n", "", "conc", "answered", "per second", "p50 ms",
                "errors", "server CPU", "CPU ratio");
        System.out.printf(Locale.ROOT, "  %-46s %4s %8s %10s %9s %7s %12s %10s%n", "", "", "", "", "", "", "ms/request", "to legit");
        double legitCpu = legit.get().serverCpuPerK(); // seconds per 1,000 = milliseconds per request
        boolean failed = false;
        for (Row r : hostile) {
            double ratio = r.serverCpuPerK() / legitCpu;
            hostileRow(r, ratio);
            boolean pass = ratio <= HOSTILE_CPU_TARGET;
            failed |= !pass;
            verdicts.put(String.format(Locale.ROOT, "%s: %.3f ms of server CPU a request = %.2fx a legitimate /sign's %.3f ms (target <= %.2fx)",
                    describe(r.label()), r.serverCpuPerK(), ratio, legitCpu, HOSTILE_CPU_TARGET), pass ? "PASS" : "FAIL");
        }
        hostileRow(legit.get(), 1);
        return failed;
    }

    private static void hostileRow(Row r, double ratio) {
        System.out.printf(Locale.ROOT, "  %-46s %4d %8d %,10.0f %9.3f %7d %12.3f %9.3fx%n", describe(r.label()), r.concurrency(), r.ok(),
                r.rate(), r.p50(), r.errors(), r.serverCpuPerK(), ratio);
    }

    /** A row label of scripts/bench-serve --hostile: hostile-RSA-MODULUS-EXPONENT (17 = 65537), or legit-sign. */
    private static String describe(String label) {
        String[] f = label.split("-");
        if (f.length == 4 && f[0].equals("hostile")) {
            return String.format(Locale.ROOT, "hostile: RSA %s-bit modulus, e %s", f[2], f[3].equals("17") ? "65537" : "of " + f[3] + " bits");
        }
        return "legitimate: P-256 CSR, certificate issued";
    }

    private static Optional<Row> find(List<Row> rows, String label, int concurrency) {
        // the last run of a label wins (a script may repeat one)
        Row found = null;
        for (Row r : rows) {
            if (r.label().equals(label) && r.concurrency() == concurrency) {
                found = r;
            }
        }
        return Optional.ofNullable(found);
    }

    private static void header() {
        System.out.printf(Locale.ROOT, "  %-30s %4s %10s %10s %9s %7s %12s %12s%n", "", "conc", "per second", "p50 ms", "p99 ms",
                "errors", "server CPU", "client CPU");
        System.out.printf(Locale.ROOT, "  %-30s %4s %10s %10s %9s %7s %12s %12s%n", "", "", "", "", "", "", "s per 1000", "s per 1000");
    }

    private static void print(String name, Row r) {
        System.out.printf(Locale.ROOT, "  %-30s %4d %,10.0f %10.3f %9.3f %7d %12.3f %12.3f%n", name, r.concurrency(), r.rate(),
                r.p50(), r.p99(), r.errors(), r.serverCpuPerK(), r.clientCpuPerK());
    }
}
