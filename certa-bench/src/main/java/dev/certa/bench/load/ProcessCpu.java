package dev.certa.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time (user + system) a process has used so far, from {@code /proc/<pid>/stat} (fields 14 and 15,
 * in clock ticks of 1/100 s, as {@code getconf CLK_TCK} prints on Linux). On two shared cores a rate
 * alone says little; CPU seconds per operation of the server process say what each operation costs.
 */
public record ProcessCpu(long pid) {
    private static final double TICKS_PER_SECOND = Double.parseDouble(System.getProperty("certa.bench.clkTck", "100"));

    public static ProcessCpu self() {
        return new ProcessCpu(ProcessHandle.current().pid());
    }

    /** Seconds of CPU used so far, or NaN when the process cannot be read (gone, or not Linux). */
    public double seconds() {
        return seconds(Path.of("/proc/" + pid + "/stat"));
    }

    /**
     * Seconds of CPU the process's JIT compiler threads (a HotSpot JVM's "C1 CompilerThread…" and "C2
     * CompilerThread…") have used so far: 0 for a process that has none, NaN when it cannot be read.
     * A JVM server under load keeps compiling for minutes; a window measured meanwhile pays for it.
     */
    public double compilerSeconds() {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            double sum = 0;
            for (Path task : tasks.toList()) {
                String name;
                try {
                    name = Files.readString(task.resolve("comm")).strip();
                } catch (IOException e) {
                    continue; // the thread ended meanwhile
                }
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    double s = seconds(task.resolve("stat"));
                    sum += Double.isNaN(s) ? 0 : s;
                }
            }
            return sum;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double seconds(Path stat) {
        try {
            String text = Files.readString(stat);
            String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
            // f[0] is field 3 (state): utime is field 14, stime field 15
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
