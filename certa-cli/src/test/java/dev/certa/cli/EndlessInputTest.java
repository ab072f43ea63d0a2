package dev.certa.cli;

import static dev.certa.cli.TrustPki.HOST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A device or pipe that never ends, named as a certificate, a trust store or a file to inspect: certa
 * stops at its input limit (64 MiB) and names the file, instead of growing the heap until it dies. The
 * file system reports size 0 for these, so a size check alone let them through.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndlessInputTest {
    private static final String LIMIT_MESSAGE = "certa stopped reading after 64 MiB";

    @TempDir
    static Path dir;

    private CliRunner certa;

    @BeforeAll
    void writeChains() {
        new TrustPki().writeTo(dir);
        certa = new CliRunner(dir);
    }

    @Test
    void devZeroAsTheCertificateIsRefusedAtTheLimitNamingTheFile() {
        assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero on this system");
        CliRunner.Result r = certa.run("verify", "/dev/zero", "--roots", "root.pem", "--host", HOST);
        assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
        assertThat(r.err()).contains("/dev/zero: " + LIMIT_MESSAGE).contains("Fix:").doesNotContain("Exception");
    }

    @Test
    void devZeroAsTheRootsIsRefusedAtTheLimitNamingTheFile() {
        assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero on this system");
        CliRunner.Result r = certa.run("verify", "good-fullchain.pem", "--roots", "/dev/zero", "--host", HOST);
        assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
        assertThat(r.err()).contains("/dev/zero: " + LIMIT_MESSAGE).doesNotContain("Exception");
    }

    @Test
    void devZeroToInspectIsReportedAndTheOtherFilesAreStillExplained() {
        assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero on this system");
        CliRunner.Result r = certa.run("inspect", "root.pem", "/dev/zero", "intermediate.pem");
        assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
        assertThat(r.err()).contains("/dev/zero: " + LIMIT_MESSAGE)
                .contains("1 of 3 files could not be inspected");
        assertThat(r.out()).contains("CN=Shop Root CA").contains("CN=Shop Intermediate CA");
    }

    @Test
    void anEndlessFifoAsTheCertificateIsRefusedAtTheLimit() throws Exception {
        Path fifo = endlessFifo("cert.fifo");
        CliRunner.Result r = certa.run("verify", "cert.fifo", "--roots", "root.pem", "--host", HOST);
        assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
        assertThat(r.err()).contains(fifo + ": " + LIMIT_MESSAGE);
    }

    @Test
    void anEndlessFifoAsTheRootsIsRefusedAtTheLimit() throws Exception {
        Path fifo = endlessFifo("roots.fifo");
        CliRunner.Result r = certa.run("verify", "good-fullchain.pem", "--roots", "roots.fifo", "--host", HOST);
        assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
        assertThat(r.err()).contains(fifo + ": " + LIMIT_MESSAGE);
    }

    @Test
    void anEndlessFifoToInspectIsRefusedAtTheLimit() throws Exception {
        Path fifo = endlessFifo("inspect.fifo");
        CliRunner.Result r = certa.run("inspect", "inspect.fifo");
        assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
        assertThat(r.err()).contains(fifo + ": " + LIMIT_MESSAGE);
    }

    @Test
    void aFifoThatEndsIsReadLikeAFile() throws Exception {
        // what `certa verify <(cat fullchain.pem)` hands certa
        Path fifo = fifo("chain.fifo");
        byte[] chain = Files.readAllBytes(dir.resolve("good-fullchain.pem"));
        Thread writer = Thread.ofPlatform().daemon().start(() -> {
            try (OutputStream out = new FileOutputStream(fifo.toFile())) {
                out.write(chain);
            } catch (IOException ignored) {
                // the reader went away
            }
        });
        CliRunner.Result r = certa.run("verify", "chain.fifo", "--roots", "root.pem", "--host", HOST);
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).startsWith(HOST + ": TRUSTED");
        writer.join(TimeUnit.SECONDS.toMillis(10));
    }

    /** A FIFO fed zeros until its reader closes it. */
    private static Path endlessFifo(String name) throws Exception {
        Path fifo = fifo(name);
        Thread.ofPlatform().daemon().start(() -> {
            byte[] zeros = new byte[64 * 1024];
            try (OutputStream out = new FileOutputStream(fifo.toFile())) {
                while (true) {
                    out.write(zeros);
                }
            } catch (IOException expected) {
                // broken pipe: certa stopped reading
            }
        });
        return fifo;
    }

    private static Path fifo(String name) throws Exception {
        Path fifo = dir.resolve(name);
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
        try (InputStream out = p.getInputStream()) {
            out.readAllBytes();
        }
        assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo is not available here");
        return fifo;
    }
}
