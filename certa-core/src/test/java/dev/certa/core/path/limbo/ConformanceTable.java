package dev.certa.core.path.limbo;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Per-family counts of outcomes for certa and the JDK, and the cases certa got wrong or skipped. */
final class ConformanceTable {
    private final Map<String, Map<Outcome, Integer>> certa = new TreeMap<>();
    private final Map<String, Map<Outcome, Integer>> jdk = new TreeMap<>();
    private final Map<String, Integer> cases = new TreeMap<>();
    final List<String> certaWrongAccepts = new ArrayList<>();
    final List<String> certaWrongRejects = new ArrayList<>();
    final List<String> certaSkipped = new ArrayList<>();

    void add(LimboCase c, Result certaResult, Result jdkResult) {
        cases.merge(c.family(), 1, Integer::sum);
        Outcome co = certaResult.outcome(c);
        certa.computeIfAbsent(c.family(), k -> new EnumMap<>(Outcome.class)).merge(co, 1, Integer::sum);
        jdk.computeIfAbsent(c.family(), k -> new EnumMap<>(Outcome.class)).merge(jdkResult.outcome(c), 1, Integer::sum);
        switch (co) {
            case WRONG_ACCEPT -> certaWrongAccepts.add(c.id());
            case WRONG_REJECT -> certaWrongRejects.add("`" + c.id() + "`: " + certaResult.reason());
            case SKIPPED -> certaSkipped.add("`" + c.id() + "`: " + certaResult.reason());
            default -> { }
        }
    }

    int certaTotal(Outcome o) {
        return total(certa, o);
    }

    int jdkTotal(Outcome o) {
        return total(jdk, o);
    }

    int caseCount() {
        return cases.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static int total(Map<String, Map<Outcome, Integer>> m, Outcome o) {
        return m.values().stream().mapToInt(x -> x.getOrDefault(o, 0)).sum();
    }

    /** A Markdown table: one row per family, certa's five counts then the JDK's. */
    String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| family | cases | certa ✓accept | certa ✓reject | certa ✗accept | certa ✗reject | certa skipped |"
                + " JDK ✓accept | JDK ✓reject | JDK ✗accept | JDK ✗reject | JDK skipped |\n");
        sb.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (String family : cases.keySet()) {
            sb.append("| ").append(family).append(" | ").append(cases.get(family));
            row(sb, certa.get(family));
            row(sb, jdk.get(family));
            sb.append(" |\n");
        }
        sb.append("| **total** | **").append(caseCount()).append("**");
        for (Map<String, Map<Outcome, Integer>> m : List.of(certa, jdk)) {
            for (Outcome o : Outcome.values()) {
                sb.append(" | **").append(total(m, o)).append("**");
            }
        }
        return sb.append(" |\n").toString();
    }

    private static void row(StringBuilder sb, Map<Outcome, Integer> counts) {
        for (Outcome o : Outcome.values()) {
            sb.append(" | ").append(counts.getOrDefault(o, 0));
        }
    }
}
