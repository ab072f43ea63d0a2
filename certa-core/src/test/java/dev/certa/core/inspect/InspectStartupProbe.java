package dev.certa.core.inspect;

import dev.certa.core.pem.PasswordSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What {@code certa inspect FILE} does, as a program of its own, so a test can start it in a fresh
 * JVM and see which classes inspecting a certificate loads.
 */
public final class InspectStartupProbe {
    private InspectStartupProbe() {}

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        Path file = Path.of(args[0]);
        Inspection i = Inspector.inspect(Files.readAllBytes(file), file.getFileName().toString(), PasswordSource.none(),
                Clock.systemUTC());
        String out = args.length > 1 && args[1].equals("--json") ? JsonRenderer.render(i) : TextRenderer.render(i);
        System.out.print(out);
        System.out.println("probe-ms=" + (System.nanoTime() - start) / 1_000_000);
    }
}
