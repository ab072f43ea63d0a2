package dev.certa.bench;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The {@code --name value} arguments of the load generators, and the numbers they write to their results. */
public final class BenchArgs {
    private BenchArgs() {}

    public static Map<String, String> parse(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            m.put(args[i].substring(2), args[++i]);
        }
        return m;
    }

    public static String required(Map<String, String> a, String name) {
        String v = a.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    public static int positive(String name, String v) {
        int i;
        try {
            i = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            i = 0;
        }
        if (i <= 0) {
            throw new IllegalArgumentException("--" + name + " must be a positive whole number, not '" + v + "'");
        }
        return i;
    }

    /** A number of seconds, 0 or more: {@code --name}, else {@code dflt}. */
    public static double nonNegative(Map<String, String> a, String name, String dflt) {
        String v = a.getOrDefault(name, dflt);
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            d = -1;
        }
        if (!(d >= 0) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("--" + name + " must be a number of seconds, not '" + v + "'");
        }
        return d;
    }

    /** A load generator's body. */
    @FunctionalInterface
    public interface Main {
        void run(String[] args) throws Exception;
    }

    /** Runs {@code main}; a wrong argument is one line on stderr, prefixed by {@code tag}, and exit code 2 (no stack trace). */
    public static void runOrExplain(String tag, String[] args, Main main) throws Exception {
        try {
            main.run(args);
        } catch (IllegalArgumentException e) {
            System.err.println(tag + ": " + e.getMessage());
            System.exit(2);
        }
    }

    /** A figure for a results file: four decimals, a dot whatever the locale. */
    public static String fmt(double d) {
        return String.format(Locale.ROOT, "%.4f", d);
    }
}
