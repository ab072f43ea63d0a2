package dev.certa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fix line that names a flag must name one the command has: "pass --no-password" to a command that
 * answers "Unknown option: '--no-password'" sent people in a circle. Each scenario runs a command into
 * an error or finding with a fix, takes every --flag the output names, and checks the command's own
 * --help lists it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FixLinesNameRealFlagsTest {
    private static final Pattern FLAG = Pattern.compile("(?<![\\w-])--[a-z][a-z0-9-]*");

    @TempDir
    static Path dir;

    private CliRunner certa;

    @BeforeAll
    void pki() {
        new TrustPki().writeTo(dir);
        certa = new CliRunner(dir).withCa();
        certa.run("cert", "create", "app.example.com");
    }

    /** Runs {@code command} (its words before the first flag name the command) and checks the flags it advises. */
    private void assertAdvisedFlagsExist(String... command) {
        CliRunner.Result r = certa.run(command);
        assertThat(r.exitCode()).as(r.all()).isNotZero();
        Set<String> advised = new LinkedHashSet<>();
        for (String line : r.all().lines().toList()) {
            if (line.contains("Fix:") || line.contains("Fix ") || line.contains("fix:")) {
                Matcher m = FLAG.matcher(line);
                while (m.find()) {
                    advised.add(m.group());
                }
            }
        }
        List<String> words = new ArrayList<>();
        for (String w : command) {
            if (w.startsWith("-")) {
                break;
            }
            words.add(w);
        }
        List<String> sub = words.subList(0, Math.min(words.size(), depth(words)));
        List<String> helpArgs = new ArrayList<>(sub);
        helpArgs.add("--help");
        String help = certa.run(helpArgs.toArray(String[]::new)).out();
        for (String flag : advised) {
            assertThat(FLAG.matcher(help).results().map(m -> m.group()).toList())
                    .as("'certa %s' advises %s in%n%s", String.join(" ", sub), flag, r.all())
                    .contains(flag);
        }
    }

    /** How many leading words name the command: "export pkcs12", "key create", "ca init", but "verify". */
    private static int depth(List<String> words) {
        return Set.of("export", "key", "ca", "cert", "csr", "acme", "audit").contains(words.get(0)) ? 2 : 1;
    }

    @Test
    void keystoreExportsWithoutAPasswordAdviseTheirOwnFlags() {
        assertAdvisedFlagsExist("export", "pkcs12", "--cert", "app.example.com-fullchain.pem", "--key", "app.example.com-key.pem",
                "--out", "a.p12");
        assertAdvisedFlagsExist("export", "jks", "--cert", "app.example.com-fullchain.pem", "--key", "app.example.com-key.pem",
                "--out", "a.jks");
        assertAdvisedFlagsExist("export", "truststore", "ca/root-ca.pem", "--out", "t.p12");
    }

    @Test
    void anEncryptedKeyWithoutAPasswordAdvisesItsOwnFlags() {
        CliRunner bare = new CliRunner(dir);
        CliRunner.Result r = bare.run("key", "create", "--encrypt", "--out", "e.pem");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).doesNotContain("--no-password").contains("drop --encrypt");
    }

    @Test
    void caInitWithoutAPasswordAdvisesNoPasswordWhichItHas() {
        CliRunner bare = new CliRunner(dir.resolve("ca")).with("CERTA_HOME", dir.resolve("bare-ca").toString());
        CliRunner.Result r = bare.run("ca", "init", "--name", "Bare");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--no-password");
        assertThat(bare.run("ca", "init", "--help").out()).contains("--no-password");
    }

    @Test
    void verifyAndBundleAdviseOnlyTheirOwnFlags() {
        assertAdvisedFlagsExist("verify", "good.pem", "--roots", "root.pem");
        assertAdvisedFlagsExist("verify", "good.pem", "--roots", "other-root.pem");
        assertAdvisedFlagsExist("bundle", "good.pem", "--roots", "root.pem");
    }

    @Test
    void theScannerSeesAFlagThatIsNotThere() {
        // the check above can fail: a made-up flag is not in any help text
        String help = certa.run("export", "pkcs12", "--help").out();
        assertThat(FLAG.matcher(help).results().map(m -> m.group()).toList()).doesNotContain("--no-password")
                .contains("--out-password-file");
    }
}
