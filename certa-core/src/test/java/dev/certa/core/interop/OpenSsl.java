package dev.certa.core.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.testing.Tools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The openssl 3 command line, run with the bounded {@link Tools#run}. */
final class OpenSsl {
    static final String PATH = "/usr/bin/openssl";

    private OpenSsl() {}

    static Tools.Result run(Path dir, String... args) {
        List<String> command = new ArrayList<>(args.length + 1);
        command.add(PATH);
        command.addAll(List.of(args));
        return Tools.run(dir, command);
    }

    /** Runs openssl and returns its output; fails, showing the output, unless it exits 0. */
    static String ok(Path dir, String... args) {
        Tools.Result r = run(dir, args);
        assertThat(r.exitCode()).as("openssl %s exited with %d:%n%s", String.join(" ", args), r.exitCode(), r.output())
                .isZero();
        return r.output();
    }
}
