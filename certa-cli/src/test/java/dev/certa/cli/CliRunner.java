package dev.certa.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Runs certa in-process in a working directory with its own environment variables and captures output. */
final class CliRunner {
    final Path dir;
    final Map<String, String> variables = new HashMap<>();
    Clock clock = Clock.systemUTC();
    byte[] stdin = new byte[0];

    CliRunner(Path dir) {
        this.dir = dir;
        variables.put("HOME", dir.toString());
        variables.put("CERTA_HOME", dir.resolve("ca").toString());
    }

    CliRunner with(String variable, String value) {
        variables.put(variable, value);
        return this;
    }

    /** What the next commands read from standard input. */
    CliRunner withStdin(String text) {
        stdin = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return this;
    }

    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Env env = new Env(clock, new SecureRandom(), variables, dir, new PrintWriter(out, true), new PrintWriter(err, true),
                Optional::empty, () -> new java.io.ByteArrayInputStream(stdin));
        int code = Main.run(env, args);
        return new Result(code, out.toString(), err.toString());
    }

    /** A CA made with a password in CERTA_PASSWORD. */
    CliRunner withCa() {
        with("CERTA_PASSWORD", "correct horse battery staple");
        Result r = run("ca", "init", "--name", "Test");
        if (r.exitCode() != 0) {
            throw new AssertionError(r.all());
        }
        return this;
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    String read(String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Every file under the directory, relative, sorted: to prove nothing was written. */
    List<String> listing() {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
