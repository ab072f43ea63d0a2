package dev.certa.bench;

import dev.certa.core.crypto.CryptoProviders;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link ChainValidationBenchmark} and prints, per key type, certa's and the JDK's chains per second,
 * the ratio and whether certa reaches the target of 1.5× the JDK on distinct chains.
 *
 * <p>Short by default (1 fork, 6 warm-ups of 3 s, 3 measurements of 3 s: with only 2 warm-ups of 2 s certa's
 * path is still being compiled and its score comes out at a third to a half of its steady state); override with the system
 * properties {@code bench.forks}, {@code bench.warmups}, {@code bench.warmupSeconds},
 * {@code bench.measurements}, {@code bench.measurementSeconds} and {@code bench.keyTypes} (comma list).
 * Exits 1 when a key type misses the target.
 */
public final class ChainValidationReport {
    static final double TARGET = 1.5;
    private static final List<String> ROWS = List.of("certa", "jdk", "certaSameChain", "jdkSameChain");

    private ChainValidationReport() {}

    public static void main(String[] args) throws RunnerException {
        String[] keyTypes = System.getProperty("bench.keyTypes", "p256,rsa2048").split(",");
        Options options = new OptionsBuilder()
                .include(ChainValidationBenchmark.class.getName() + "\\.")
                .param("keyType", keyTypes)
                .forks(Integer.getInteger("bench.forks", 1))
                .warmupIterations(Integer.getInteger("bench.warmups", 6))
                .warmupTime(TimeValue.seconds(Integer.getInteger("bench.warmupSeconds", 3)))
                .measurementIterations(Integer.getInteger("bench.measurements", 3))
                .measurementTime(TimeValue.seconds(Integer.getInteger("bench.measurementSeconds", 3)))
                .build();
        Collection<RunResult> results = new Runner(options).run();

        Map<String, double[]> scores = new HashMap<>(); // "p256/certa" -> {score, error}
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            String method = label.substring(label.lastIndexOf('.') + 1);
            scores.put(r.getParams().getParam("keyType") + "/" + method,
                    new double[] {r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()});
        }

        boolean allPass = true;
        StringBuilder out = new StringBuilder();
        out.append("\nChain validation, leaf + intermediate parsed from DER, anchored at the root, server purpose, host checked\n");
        out.append(String.format(Locale.ROOT, "%-9s %-22s %18s %18s %7s  %s%n",
                "key type", "variant", "certa chains/s", "JDK chains/s", "ratio", "target " + TARGET + "x"));
        for (String kt : keyTypes) {
            double[] certa = scores.get(kt + "/certa");
            double[] jdk = scores.get(kt + "/jdk");
            double[] certaSame = scores.get(kt + "/certaSameChain");
            double[] jdkSame = scores.get(kt + "/jdkSameChain");
            if (certa != null && jdk != null) {
                double ratio = certa[0] / jdk[0];
                boolean pass = ratio >= TARGET;
                allPass &= pass;
                out.append(row(kt, "distinct chains", certa, jdk, pass ? "PASS" : "FAIL"));
            }
            if (certaSame != null && jdkSame != null) {
                out.append(row(kt, "same chain repeated", certaSame, jdkSame, "(not judged)"));
            }
        }
        out.append(String.format(Locale.ROOT, "%nJVM: %s %s (%s), %d CPUs%ncrypto: %s%n",
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"), System.getProperty("java.vendor"),
                Runtime.getRuntime().availableProcessors(), CryptoProviders.get().describe()));
        System.out.print(out);
        if (!allPass || scores.size() < ROWS.size() * keyTypes.length) {
            System.exit(1);
        }
    }

    private static String row(String keyType, String variant, double[] certa, double[] jdk, String verdict) {
        return String.format(Locale.ROOT, "%-9s %-22s %18s %18s %6.2fx  %s%n", keyType, variant,
                withError(certa), withError(jdk), certa[0] / jdk[0], verdict);
    }

    private static String withError(double[] score) {
        return Double.isNaN(score[1])
                ? String.format(Locale.ROOT, "%,.0f", score[0])
                : String.format(Locale.ROOT, "%,.0f ± %,.0f", score[0], score[1]);
    }
}
