package dev.certa.cli;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything a command takes from the outside world, injected so tests can run commands in-process:
 * clock, randomness, environment variables, working directory, output streams, the terminal and standard input.
 */
public record Env(
        Clock clock,
        SecureRandom random,
        Map<String, String> variables,
        Path workingDirectory,
        PrintWriter out,
        PrintWriter err,
        Supplier<Optional<Console>> terminal,
        Supplier<InputStream> stdin) {

    public Env {
        variables = Map.copyOf(variables);
    }

    /** An environment whose standard input is empty. */
    public Env(Clock clock, SecureRandom random, Map<String, String> variables, Path workingDirectory, PrintWriter out,
            PrintWriter err, Supplier<Optional<Console>> terminal) {
        this(clock, random, variables, workingDirectory, out, err, terminal, InputStream::nullInputStream);
    }

    /** The real process environment. */
    public static Env system() {
        return new Env(Clock.systemUTC(), new SecureRandom(), System.getenv(), Path.of("").toAbsolutePath(),
                new PrintWriter(System.out, true), new PrintWriter(System.err, true), () -> Optional.ofNullable(System.console()), () -> System.in);
    }

    /** The terminal, looked up only when a prompt is needed (finding it costs start-up time). */
    public Optional<Console> console() {
        return terminal.get();
    }

    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).filter(v -> !v.isEmpty());
    }

    /** A path typed by the user, relative to the working directory. */
    public Path path(String p) {
        Path given = Path.of(p.startsWith("~/") ? home() + p.substring(1) : p);
        return workingDirectory.resolve(given).normalize();
    }

    public String home() {
        return variable("HOME").orElse(System.getProperty("user.home"));
    }

    /** The CA directory: --dir, else $CERTA_HOME, else ~/.certa. */
    public Path caDirectory(Optional<String> dirOption) {
        return dirOption.map(this::path)
                .orElseGet(() -> variable("CERTA_HOME").map(this::path).orElse(Path.of(home(), ".certa")));
    }
}
