package dev.certa.bench;

import dev.certa.core.crypto.CryptoProviders;
import dev.certa.core.key.KeyType;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link IssuanceBenchmark} and prints, per CA key type, certa's issuance rate next to the raw
 * sign and verify rates of every provider, and issuance as a share of the raw limit
 * {@code 1 / (1/sign + 1/verify)} of the fastest provider: an issuance needs one CA signature and one
 * CSR verification, so no CA can issue faster than that limit.
 *
 * <p>Short but sane defaults (1 fork, one thread, 3 × 3 s measurement; warm-up 4 × 3 s for issuance,
 * whose Java code C2 takes a while to compile, and 2 × 2 s for the raw arithmetic), each overridable
 * with a system property: {@code certa.bench.forks}, {@code .issueWarmupIterations},
 * {@code .issueWarmupSeconds}, {@code .warmupIterations}, {@code .warmupSeconds}, {@code .iterations},
 * {@code .seconds}, {@code .threads}, {@code .keyTypes}
 * (p256,rsa2048), {@code .providers} (accp,bc,jdk; those that load by default), {@code .benchmarks}
 * (issue,sign,verify). {@code certa.bench.enforce=true} makes the exit status 1 when P-256 issuance
 * misses its target.
 */
public final class IssuanceReport {
    /** P-256 issuance must reach this share of the raw limit of the fastest provider. */
    static final double P256_TARGET = 0.70;

    private IssuanceReport() {}

    public static void main(String[] args) throws RunnerException {
        List<String> keyTypes = listProperty("keyTypes", List.of("p256", "rsa2048"));
        List<String> providers = listProperty("providers", BenchProviders.available());
        List<String> benchmarks = listProperty("benchmarks", List.of("issue", "sign", "verify"));
        int threads = intProperty("threads", 1);
        List<RunResult> results = new ArrayList<>();
        List<String> raw = benchmarks.stream().filter(b -> !b.equals("issue")).toList();
        if (benchmarks.contains("issue")) {
            // The issuance path is mostly Java: C2 needs longer than the raw arithmetic to settle.
            results.addAll(run(List.of("issue"), keyTypes, providers, threads,
                    intProperty("issueWarmupIterations", 4), intProperty("issueWarmupSeconds", 3)));
        }
        if (!raw.isEmpty()) {
            results.addAll(run(raw, keyTypes, providers, threads,
                    intProperty("warmupIterations", 2), intProperty("warmupSeconds", 2)));
        }
        Results table = Results.of(results);
        boolean passed = print(System.out, table, keyTypes, providers, threads);
        if (!passed && Boolean.getBoolean("certa.bench.enforce")) {
            System.exit(1);
        }
    }

    private static Collection<RunResult> run(List<String> benchmarks, List<String> keyTypes, List<String> providers,
            int threads, int warmupIterations, int warmupSeconds) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(IssuanceBenchmark.class.getName() + "\\.(" + String.join("|", benchmarks) + ")$")
                .param("keyType", keyTypes.toArray(String[]::new))
                .param("provider", providers.toArray(String[]::new))
                .forks(intProperty("forks", 1))
                .warmupIterations(warmupIterations)
                .warmupTime(TimeValue.seconds(warmupSeconds))
                .measurementIterations(intProperty("iterations", 3))
                .measurementTime(TimeValue.seconds(intProperty("seconds", 3)))
                .threads(threads)
                .shouldFailOnError(true);
        return new Runner(options.build()).run();
    }

    /** Prints the report; false when P-256 issuance was measured and missed its target. */
    static boolean print(PrintStream out, Results results, List<String> keyTypes, List<String> providers, int threads) {
        CryptoProviders crypto = CryptoProviders.get();
        out.println();
        out.println("certa issuance benchmark, " + ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME));
        out.println("JVM:       " + System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version")
                + " (" + System.getProperty("java.vm.vendor") + ")");
        out.println("CPU:       " + Runtime.getRuntime().availableProcessors() + " available processors"
                + cpuModel().map(m -> ", " + m).orElse("") + "; " + threads + " benchmark thread(s)");
        out.println("Providers: " + crypto.describe());
        boolean passed = true;
        for (String keyType : keyTypes) {
            KeyType type = KeyType.parse(keyType);
            String algorithm = signatureAlgorithm(type);
            String picked = BenchProviders.shortName(crypto.forSignature(algorithm));
            out.println();
            out.printf(Locale.ROOT, "%s CA key (%s); certa signs and verifies with %s%n", display(type), algorithm,
                    picked);
            out.printf(Locale.ROOT, "  %-8s %18s %18s %16s%n", "provider", "sign/s", "verify/s", "raw limit/s");
            String fastest = null;
            double fastestLimit = 0;
            for (String provider : providers) {
                Optional<Score> sign = results.find("sign", keyType, provider);
                Optional<Score> verify = results.find("verify", keyType, provider);
                double limit = sign.isPresent() && verify.isPresent()
                        ? 1 / (1 / sign.get().value() + 1 / verify.get().value())
                        : Double.NaN;
                if (limit > fastestLimit) {
                    fastestLimit = limit;
                    fastest = provider;
                }
                out.printf(Locale.ROOT, "  %-8s %18s %18s %16s%n", provider, sign.map(Score::display).orElse("-"),
                        verify.map(Score::display).orElse("-"), Double.isNaN(limit) ? "-" : rate(limit));
            }
            Optional<Score> issue = results.find("issue", keyType, null);
            if (issue.isEmpty()) {
                continue;
            }
            out.printf(Locale.ROOT, "  certa issuance (CSR PEM in, certificate PEM out): %s certs/s%n",
                    issue.get().display());
            if (fastest == null) {
                continue;
            }
            double share = issue.get().value() / fastestLimit;
            String verdict = "";
            if (type == KeyType.EC_P256) {
                boolean ok = share >= P256_TARGET;
                passed &= ok;
                verdict = String.format(Locale.ROOT, "  %s (target >= %.0f%%)", ok ? "PASS" : "FAIL", P256_TARGET * 100);
            }
            out.printf(Locale.ROOT, "  = %.1f%% of the raw limit of the fastest provider (%s, %s/s)%s%n", share * 100,
                    fastest, rate(fastestLimit), verdict);
        }
        out.println();
        out.println("raw limit = 1 / (1/sign + 1/verify): one CA signature plus one CSR verification per certificate.");
        out.println("Scores are means over the measurement iterations, ± the 99.9% confidence half-width where JMH gives one.");
        return passed;
    }

    /** The algorithm certa signs with for a key of this type (as KeyDescription#signatureAlgorithm decides). */
    private static String signatureAlgorithm(KeyType type) {
        return switch (type) {
            case EC_P256 -> "SHA256withECDSA";
            case EC_P384 -> "SHA384withECDSA";
            case RSA_2048, RSA_3072, RSA_4096 -> "SHA256withRSA";
            case ED25519 -> "Ed25519";
        };
    }

    private static String display(KeyType type) {
        return switch (type) {
            case EC_P256 -> "P-256";
            case EC_P384 -> "P-384";
            case RSA_2048 -> "RSA-2048";
            case RSA_3072 -> "RSA-3072";
            case RSA_4096 -> "RSA-4096";
            case ED25519 -> "Ed25519";
        };
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    private static Optional<String> cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static int intProperty(String name, int fallback) {
        return Integer.parseInt(System.getProperty("certa.bench." + name, Integer.toString(fallback)).trim());
    }

    private static List<String> listProperty(String name, List<String> fallback) {
        String value = System.getProperty("certa.bench." + name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        List<String> out = new ArrayList<>();
        for (String s : value.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    /** One benchmark's score in operations per second. */
    record Score(double value, double error) {
        String display() {
            if (Double.isNaN(error) || value <= 0) {
                return rate(value);
            }
            return rate(value) + String.format(Locale.ROOT, " ±%2.0f%%", 100 * error / value);
        }
    }

    /** The scores of a run, looked up by benchmark method, key type and provider. */
    record Results(List<Row> rows) {
        record Row(String benchmark, String keyType, String provider, Score score) {}

        static Results of(Collection<RunResult> results) {
            List<Row> rows = new ArrayList<>();
            for (RunResult r : results) {
                String label = r.getParams().getBenchmark();
                String method = label.substring(label.lastIndexOf('.') + 1);
                var primary = r.getPrimaryResult();
                rows.add(new Row(method, r.getParams().getParam("keyType"), r.getParams().getParam("provider"),
                        new Score(primary.getScore(), primary.getScoreError())));
            }
            return new Results(List.copyOf(rows));
        }

        Optional<Score> find(String benchmark, String keyType, String provider) {
            return rows.stream()
                    .filter(r -> r.benchmark().equals(benchmark) && r.keyType().equals(keyType)
                            && (provider == null || provider.equals(r.provider())))
                    .map(Row::score)
                    .findFirst();
        }
    }
}
