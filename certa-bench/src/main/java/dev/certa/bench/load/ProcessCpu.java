package dev.certa.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // f[0] is field 3 (state): utime is field 14, stime field 15
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
