package dev.certa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'certa --version' once said only "development build": it names the build, the commit, the runtime and the crypto. */
class VersionTest {
    @TempDir
    Path tmp;

    @Test
    void versionNamesTheBuildItsCommitTheJavaRuntimeAndTheCryptoProvider() {
        CliRunner.Result r = new CliRunner(tmp).run("--version");
        assertThat(r.exitCode()).as(r.all()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).matches("certa \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        // a 12-hex-digit commit in a git checkout (as in CI's clone), "unknown" from a source tarball; never a placeholder
        assertThat(lines.get(1)).matches("commit ([0-9a-f]{12}|unknown), built \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(lines.get(2)).startsWith("Java " + Runtime.version()).contains(System.getProperty("java.vendor"));
        assertThat(lines.get(3)).startsWith("crypto: ").containsAnyOf("BC", "Bouncy");
        assertThat(r.out()).doesNotContain("${", "development build");
    }
}
