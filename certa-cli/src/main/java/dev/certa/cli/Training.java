package dev.certa.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A training run for the JVM's ahead-of-time class cache (JDK 25 AOT cache, or AppCDS on older
 * JDKs): runs the common commands once, in a temporary directory, so that their classes are
 * archived and later cold starts of {@code certa} skip loading and linking them. Used by ./certa.
 */
public final class Training {
    private Training() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("certa-training");
        try {
            StringWriter sink = new StringWriter();
            PrintWriter w = new PrintWriter(sink);
            Env env = new Env(Clock.systemUTC(), new SecureRandom(), Map.of("HOME", dir.toString()), dir, w, w, Optional::empty);
            run(env, "--help");
            run(env, "cert", "create", "--self-signed", "localhost", "127.0.0.1", "--file-name", "dev");
            run(env, "inspect", "dev.pem");
            run(env, "inspect", "--json", "dev.pem");
            run(env, "inspect", "dev-key.pem");
            run(env, "inspect", "missing.pem");
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(Env env, String... args) {
        Main.run(env, args);
    }
}
