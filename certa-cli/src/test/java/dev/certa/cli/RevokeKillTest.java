package dev.certa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a 'certa revoke --dir' process, at moments spread over its run: the ledger afterwards
 * reads cleanly with the certificate either revoked or not (never half), and the next revoke works.
 * Where exactly a write can be cut is covered byte by byte in certa-core's CaLedgerTest.
 */
@Tag("slow")
class RevokeKillTest {
    @TempDir
    Path tmp;

    @Test
    void killingRevokeAtAnyMomentLeavesTheLedgerRevokedOrNotNeverHalf() throws Exception {
        CliRunner cli = new CliRunner(tmp).withCa();
        // the child process revokes when left alone: so a killed child was stopped, not broken
        assertThat(cli.run("cert", "create", "whole.ledger.test").exitCode()).isZero();
        Process whole = revokeInChild("whole.ledger.test");
        assertThat(whole.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(whole.exitValue()).as(Files.readString(tmp.resolve("child.log"))).isZero();
        assertThat(Files.readString(tmp.resolve("child.log"))).contains("Revoked serial");

        for (int delayMillis : new int[] {0, 300, 600, 900, 1200, 1600, 2500}) {
            String name = "kill" + delayMillis + ".ledger.test";
            var created = cli.run("cert", "create", name);
            assertThat(created.exitCode()).as(created.all()).isZero();
            Process p = revokeInChild(name);
            if (!p.waitFor(delayMillis, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            }
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

            var listed = cli.run("certs", "--dir", "ca", "--name", name, "--json");
            assertThat(listed.exitCode()).as(listed.all()).isZero();
            assertThat(listed.out()).containsAnyOf("\"status\" : \"revoked\"", "\"status\" : \"valid\"");
            var again = cli.run("revoke", "--cert", name + ".pem", "--dir", "ca", "--reason", "keyCompromise");
            assertThat(again.exitCode()).as(again.all()).isZero();
            assertThat(again.out()).containsAnyOf("Revoked serial", "Already revoked");
            assertThat(cli.run("certs", "--dir", "ca", "--name", name, "--status", "revoked").out()).contains(name);
            assertThat(cli.run("certs", "--dir", "ca").err()).doesNotContain("warning");
        }
        assertThat(List.of(cli.run("certs", "--dir", "ca", "--status", "revoked").out().split("\n")))
                .filteredOn(l -> l.contains(".ledger.test")).hasSize(8);
    }

    private Process revokeInChild(String name) throws java.io.IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "revoke", "--cert", name + ".pem", "--dir", "ca", "--reason", "keyCompromise")
                .directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
    }
}
