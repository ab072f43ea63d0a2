package dev.certa.core.path.limbo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Runs all of x509-limbo through certa's path validator and, as a baseline, the JDK's PKIX builder (see
 * {@link JdkLimbo}), prints the per-family table (also written to {@code target/limbo-conformance.md},
 * the source of docs/conformance.md), and holds certa to: no wrong accept, at most 20 wrong rejects,
 * under 1% skipped. How long the run takes is printed, not asserted: speed lives in the benchmarks.
 */
@org.junit.jupiter.api.Tag("slow")
class LimboConformanceTest {
    private static final int MAX_WRONG_REJECTS = 20;

    @Test
    void certaMatchesX509Limbo() throws Exception {
        long start = System.nanoTime();
        List<LimboCase> cases = new ArrayList<>();
        for (JsonNode t : LimboBundle.testcases()) {
            cases.add(LimboCase.from(t));
        }
        long parsed = System.nanoTime();
        Instant now = Instant.now();
        ThreadLocal<CertificateFactory> factory = ThreadLocal.withInitial(LimboConformanceTest::x509Factory);
        CertaLimbo certa = new CertaLimbo(now);
        JdkLimbo jdk = new JdkLimbo(now);
        AtomicLong certaNanos = new AtomicLong();
        AtomicLong jdkNanos = new AtomicLong();
        // both verifiers are stateless; the cases run on every core (results are tallied in bundle order)
        List<Result[]> results = cases.parallelStream().map(c -> {
            ParsedCase p = ParsedCase.of(c, factory.get());
            long t0 = System.nanoTime();
            Result certaResult = certa.run(p);
            long t1 = System.nanoTime();
            Result jdkResult = jdk.run(p);
            certaNanos.addAndGet(t1 - t0);
            jdkNanos.addAndGet(System.nanoTime() - t1);
            return new Result[] {certaResult, jdkResult};
        }).toList();
        ConformanceTable table = new ConformanceTable();
        for (int i = 0; i < cases.size(); i++) {
            table.add(cases.get(i), results.get(i)[0], results.get(i)[1]);
        }
        Duration total = Duration.ofNanos(System.nanoTime() - start);
        String report = report(table, Duration.ofNanos(parsed - start), Duration.ofNanos(certaNanos.get()), Duration.ofNanos(jdkNanos.get()), total);
        System.out.println(report);
        Path out = Path.of("target", "limbo-conformance.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);

        assertThat(table.caseCount()).as("cases in the bundle").isEqualTo(9_780);
        assertThat(table.certaWrongAccepts).as("certa's wrong accepts (a security bug each)").isEmpty();
        assertThat(table.certaWrongRejects).as("certa's wrong rejects").hasSizeLessThanOrEqualTo(MAX_WRONG_REJECTS);
        assertThat(table.certaSkipped.size() * 100).as("skipped cases, under 1%").isLessThan(table.caseCount());
    }

    private static CertificateFactory x509Factory() {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (java.security.cert.CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    static String report(ConformanceTable t, Duration parse, Duration certa, Duration jdk, Duration total) {
        StringBuilder sb = new StringBuilder();
        sb.append(t.markdown()).append('\n');
        sb.append("Timings: reading the bundle ").append(parse.toMillis()).append(" ms; time in certa ").append(certa.toMillis())
                .append(" ms; time in the JDK ").append(jdk.toMillis()).append(" ms (both summed over ")
                .append(Runtime.getRuntime().availableProcessors()).append(" threads); whole run ").append(total.toMillis())
                .append(" ms.\n\n");
        sb.append("certa wrong accepts (").append(t.certaWrongAccepts.size()).append("):\n");
        t.certaWrongAccepts.forEach(s -> sb.append("- `").append(s).append("`\n"));
        sb.append("\ncerta wrong rejects (").append(t.certaWrongRejects.size()).append("):\n");
        t.certaWrongRejects.forEach(s -> sb.append("- ").append(s).append('\n'));
        sb.append("\ncerta skipped (").append(t.certaSkipped.size()).append("):\n");
        t.certaSkipped.forEach(s -> sb.append("- ").append(s).append('\n'));
        return sb.toString();
    }
}
