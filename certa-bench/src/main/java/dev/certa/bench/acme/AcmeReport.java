package dev.certa.bench.acme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Prints {@code scripts/bench-acme}'s table from the lines {@link AcmeBench} appended to a results file:
 * certa and Pebble driven by the same client in the same run (rate, latency, CPU per issuance of the CA
 * and of the client), the ratios, then each target with PASS or FAIL. Exit status 1 when a target fails.
 *
 * <pre>java ... AcmeReport RESULTS [--note TEXT]...</pre>
 */
public final class AcmeReport {
    /** Full issuances a second certa must reach at concurrency 16, client included, on two cores. */
    static final double RATE_TARGET = 400;
    /** certa's rate over Pebble's. */
    static final double RATIO_TARGET = 5;

    record Row(String label, String server, String client, int concurrency, long ok, long errors, double seconds, double rate,
            double p50, double p99, double serverCpuMs, double clientCpuMs, double requests, double polls, int stalled,
            double load) {
        static Row parse(String line) {
            String[] f = line.split("\t");
            return new Row(f[0], f[1], f[2], Integer.parseInt(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]), d(f[6]), d(f[7]),
                    d(f[8]), d(f[9]), d(f[10]), d(f[11]), d(f[12]), d(f[13]), Integer.parseInt(f[14]), d(f[15]));
        }

        private static double d(String s) {
            return Double.parseDouble(s);
        }
    }

    private AcmeReport() {}

    public static void main(String[] args) throws IOException {
        List<Row> rows = Files.readAllLines(Path.of(args[0])).stream().filter(l -> !l.isBlank()).map(Row::parse).toList();
        List<String> notes = new ArrayList<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            if (args[i].equals("--note")) {
                notes.add(args[i + 1]);
            }
        }
        System.out.println();
        System.out.println("Full ACME issuances on loopback (new order, authorization, the challenge validated by the CA against the"
                + " client's responder or DNS server (see the client note), finalize with a fresh P-256 key's CSR, download), the same"
                + " client for both CAs, one run");
        System.out.printf(Locale.ROOT, "  %-26s %4s %11s %8s %8s %6s %10s %10s %9s %6s %5s%n", "", "conc", "issuances/s", "p50 ms",
                "p99 ms", "errors", "CA CPU", "client CPU", "requests", "polls", "load");
        System.out.printf(Locale.ROOT, "  %-26s %4s %11s %8s %8s %6s %10s %10s %9s %6s %5s%n", "", "", "", "", "", "", "ms/issue",
                "ms/issue", "/issue", "/issue", "");
        for (Row r : rows) {
            if (r.label().equals("warm-up")) {
                continue;
            }
            System.out.printf(Locale.ROOT, "  %-26s %4d %,11.1f %8.2f %8.2f %6d %10.2f %10.2f %9.1f %6.2f %5.1f%s%n",
                    r.label() + (r.client().equals("lean") ? "" : " (" + r.client() + ")"), r.concurrency(), r.rate(), r.p50(), r.p99(),
                    r.errors(), r.serverCpuMs(), r.clientCpuMs(), r.requests(), r.polls(), r.load(),
                    r.stalled() > 0 ? "  STALLED (" + r.stalled() + " of " + r.concurrency() + " workers finished nothing in the window's last seconds)" : "");
        }
        Optional<Row> certa1 = find(rows, "certa", 1);
        Optional<Row> certa16 = find(rows, "certa", 16);
        Optional<Row> pebble1 = find(rows, "pebble", 1);
        Optional<Row> pebbleBest = rows.stream().filter(r -> r.server().equals("pebble") && r.stalled() == 0 && !r.label().equals("warm-up"))
                .max(Comparator.comparingDouble(Row::rate));
        System.out.println();
        if (certa1.isPresent() && pebble1.isPresent()) {
            ratio("certa / Pebble, both at c=1", certa1.get(), pebble1.get());
        }
        if (certa16.isPresent() && pebbleBest.isPresent()) {
            ratio("certa c=16 / Pebble's best (c=" + pebbleBest.get().concurrency() + ")", certa16.get(), pebbleBest.get());
        }
        Map<String, String> verdicts = new LinkedHashMap<>();
        boolean failed = false;
        if (certa16.isPresent()) {
            boolean pass = certa16.get().rate() >= RATE_TARGET && certa16.get().errors() == 0;
            failed |= !pass;
            verdicts.put(String.format(Locale.ROOT, "certa at concurrency 16: %,.1f full issuances/s, %d errors (target >= %,.0f/s, client"
                    + " on the same cores)", certa16.get().rate(), certa16.get().errors(), RATE_TARGET), pass ? "PASS" : "FAIL");
        }
        if (certa16.isPresent() && pebbleBest.isPresent()) {
            double ratio = certa16.get().rate() / pebbleBest.get().rate();
            boolean pass = ratio >= RATIO_TARGET;
            failed |= !pass;
            verdicts.put(String.format(Locale.ROOT, "certa at c=16 (%,.1f/s) = %.2fx Pebble at its best working concurrency, c=%d (%,.1f/s)"
                    + " (target >= %.0fx)", certa16.get().rate(), ratio, pebbleBest.get().concurrency(), pebbleBest.get().rate(),
                    RATIO_TARGET), pass ? "PASS" : "FAIL");
        } else if (certa16.isPresent()) {
            verdicts.put("no Pebble run completed: the ratio target was not measured", "FAIL");
            failed = true;
        }
        if (!notes.isEmpty()) {
            System.out.println();
            notes.forEach(n -> System.out.println("  " + n));
        }
        System.out.println();
        verdicts.forEach((what, verdict) -> System.out.printf("  %-4s  %s%n", verdict, what));
        System.exit(failed ? 1 : 0);
    }

    private static void ratio(String what, Row a, Row b) {
        System.out.printf(Locale.ROOT, "  %-44s rate %.2fx   p50 %.2fx   CA CPU per issuance %.2fx   client CPU %.2fx%n", what,
                a.rate() / b.rate(), a.p50() / b.p50(), a.serverCpuMs() / b.serverCpuMs(), a.clientCpuMs() / b.clientCpuMs());
    }

    private static Optional<Row> find(List<Row> rows, String server, int concurrency) {
        Row found = null;
        for (Row r : rows) {
            if (r.server().equals(server) && r.concurrency() == concurrency && !r.label().equals("warm-up")) {
                found = r; // the last run of a kind wins
            }
        }
        return Optional.ofNullable(found);
    }
}
