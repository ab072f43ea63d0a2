package dev.certa.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The one-way imports of the architecture: certa-core is the domain and imports nothing from the
 * modules built on it; the lower packages do not reach up into issuance.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/dev/certa/core");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(dev\\.certa\\.[a-z.]+)\\.", Pattern.MULTILINE);

    private static List<String> violations(Path dir, Pattern forbidden) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    if (forbidden.matcher(m.group(1)).find()) {
                        out.add(MAIN.relativize(f) + " imports " + m.group(1));
                    }
                }
                String body = Files.readString(f);
                Matcher inline = forbidden.matcher(body);
                if (inline.find() && forbidden.pattern().startsWith("dev")) {
                    out.add(MAIN.relativize(f) + " refers to " + inline.group());
                }
            }
        }
        return out;
    }

    @Test
    void coreImportsNoOuterModule() throws IOException {
        assertThat(Files.isDirectory(MAIN)).as("run from the certa-core module").isTrue();
        assertThat(violations(MAIN, Pattern.compile("dev\\.certa\\.(cli|server|store)\\b"))).isEmpty();
    }

    @Test
    void namesKeysAndPemDoNotDependOnIssuance() throws IOException {
        Pattern issuance = Pattern.compile("^dev\\.certa\\.core\\.(issue|lint|ca|inspect)$");
        for (String pkg : List.of("name", "pem", "key", "crypto", "error", "profile")) {
            assertThat(violations(MAIN.resolve(pkg), issuance)).as(pkg).isEmpty();
        }
    }
}
