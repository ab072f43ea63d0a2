package dev.certa.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certa.core.error.CertaException;
import dev.certa.server.CertaServer;
import dev.certa.server.audit.AuditEvent;
import dev.certa.server.audit.AuditLog;
import dev.certa.server.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An attacker who can write the data directory hides what the CA did: deletes the audit log, cuts its last
 * entries or edits one. The hash chain alone misses the first two; the checkpoint in the database does not,
 * and {@code certa audit verify --data} names each case differently, exit 1.
 */
class AuditAnchorCommandTest {
    @TempDir
    static Path dir;
    private static Path pristine;

    /** A data directory whose log has six entries (two starts, each with its TLS certificate, and stops), anchored; copied by each test. */
    @BeforeAll
    static void runTheServerTwice() throws Exception {
        pristine = dir.resolve("pristine");
        Files.createDirectories(pristine);
        Files.writeString(pristine.resolve("certa.conf"), "https-port = 0\nhttp-port = 0\n");
        for (int i = 0; i < 2; i++) {
            start(pristine).close();
        }
        assertThat(Files.readAllLines(pristine.resolve("audit.log"))).hasSize(6);
    }

    private static CertaServer start(Path data) throws Exception {
        return CertaServer.start(new ConfigLoader(data, Optional.empty(), Map.of()).load().config(), Clock.systemUTC(), new SecureRandom());
    }

    private static Path copy(String name) throws IOException {
        Path target = dir.resolve(name);
        try (Stream<Path> files = Files.walk(pristine)) {
            for (Path p : files.toList()) {
                Path t = target.resolve(pristine.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return target;
    }

    private static CliRunner.Result verify(Path data) {
        return new CliRunner(dir).run("audit", "verify", "--data", data.toString());
    }

    @Test
    void anUntouchedLogVerifiesAgainstItsCheckpoint() throws Exception {
        CliRunner.Result r = verify(copy("untouched"));
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).contains("intact, 6 entries", "anchored at entry 6");
    }

    @Test
    void aDeletedLogIsReportedAsDeleted() throws Exception {
        Path data = copy("deleted");
        Files.delete(data.resolve("audit.log"));

        CliRunner.Result r = verify(data);

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("DELETED: the audit log " + data.resolve("audit.log") + " is missing",
                "the database's checkpoint says it held 6 entries").doesNotContain("TRUNCATED", "EDITED");
    }

    @Test
    void aCutOffTailIsReportedAsTruncated() throws Exception {
        Path data = copy("truncated");
        Path log = data.resolve("audit.log");
        List<String> lines = Files.readAllLines(log);
        Files.write(log, lines.subList(0, 4));
        assertThat(new CliRunner(dir).run("audit", "verify", log.toString()).out()).as("the chain alone sees nothing").contains("intact");

        CliRunner.Result r = verify(data);

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("TRUNCATED: the audit log " + log + " holds 4 entries",
                "says it held at least 6: its last 2 entries were cut off").doesNotContain("DELETED", "EDITED");
    }

    @Test
    void anEditedLineIsReportedAsEditedWithItsNumber() throws Exception {
        Path data = copy("edited");
        Path log = data.resolve("audit.log");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(log));
        lines.set(2, lines.get(2).replace("\"action\":\"stop\"", "\"action\":\"start\""));
        Files.write(log, lines);

        CliRunner.Result r = verify(data);

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("EDITED: the audit log " + log + " was edited: line 3: its content does not match its hash",
                "the first 2 entries are intact").doesNotContain("DELETED", "TRUNCATED");
    }

    @Test
    void aLogReplacedByAFreshLongerChainIsReportedAsReplaced() throws Exception {
        Path data = copy("replaced");
        Path log = data.resolve("audit.log");
        Files.delete(log);
        try (AuditLog forged = AuditLog.open(log, Clock.systemUTC(), "localhost:0")) {
            for (int i = 0; i < 8; i++) {
                forged.append(AuditEvent.ok("certa-serve", "start", "01", List.of()));
            }
        }
        assertThat(new CliRunner(dir).run("audit", "verify", log.toString()).out()).as("the chain alone sees nothing").contains("intact");

        CliRunner.Result r = verify(data);

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("REPLACED: entry 6 of the audit log " + log + " is not the one anchored in the database");
    }

    @Test
    void theServerRefusesADeletedLogUntilAnOperatorAcknowledgesIt() throws Exception {
        Path data = copy("refused");
        Files.delete(data.resolve("audit.log"));

        assertThatThrownBy(() -> start(data)).isInstanceOf(CertaException.class)
                .hasMessageContaining("is missing, but the database's checkpoint says it held 6 entries")
                .satisfies(e -> assertThat(((CertaException) e).describe()).contains("certa audit acknowledge --data"));

        CliRunner.Result ack = new CliRunner(dir).run("audit", "acknowledge", "--data", data.toString(), "--by", "alice, ticket 42");
        assertThat(ack.exitCode()).as(ack.all()).isZero();
        assertThat(ack.out()).contains("DELETED", "acknowledged by alice, ticket 42");

        start(data).close();
        List<String> log = Files.readAllLines(data.resolve("audit.log"));
        assertThat(log).hasSize(4);
        assertThat(log.get(0)).contains("\"actor\":\"operator:alice, ticket 42\"", "\"action\":\"audit-acknowledge\"",
                "\"outcome\":\"acknowledged\"", "DELETED: the audit log");
        assertThat(verify(data).exitCode()).isZero();
    }
}
