package dev.certa.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certa.core.error.CertaException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit log's hash chain: what is written, and that removing, inserting or altering a line is caught. */
class AuditLogTest {
    @TempDir
    Path dir;
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    private Path writeFive() {
        Path file = dir.resolve("audit.log");
        try (AuditLog log = AuditLog.open(file, clock, "node-a")) {
            for (int i = 1; i <= 5; i++) {
                log.append(AuditEvent.ok("provisioner:ops/s" + i, "issue", "abc" + i, List.of("dns:s" + i + ".example")));
            }
        }
        return file;
    }

    @Test
    void eachLineIsAJsonEventChainedToTheOneBefore() throws Exception {
        Path file = writeFive();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("{\"seq\":1,\"time\":\"2026-11-23T10:00:00Z\",\"node\":\"node-a\",\"actor\":\"provisioner:ops/s1\","
                + "\"action\":\"issue\",\"serial\":\"abc1\",\"names\":[\"dns:s1.example\"],\"outcome\":\"ok\"")
                .contains("\"prev\":\"" + "0".repeat(64) + "\"");
        AuditVerifier.Result r = AuditVerifier.verify(file);
        assertThat(r.intact()).isTrue();
        assertThat(r.lines()).isEqualTo(5);
    }

    @Test
    void reopeningContinuesTheChain() throws Exception {
        Path file = writeFive();
        try (AuditLog log = AuditLog.open(file, clock, "node-a")) {
            log.append(AuditEvent.refused("admin", "revoke", List.of(), "unknown_serial"));
        }
        AuditVerifier.Result r = AuditVerifier.verify(file);
        assertThat(r.intact()).isTrue();
        assertThat(r.lines()).isEqualTo(6);
        assertThat(Files.readAllLines(file).get(5)).contains("\"seq\":6", "\"outcome\":\"refused\"");
    }

    @Test
    void aRemovedLineIsFoundWhereTheChainBreaks() throws Exception {
        Path file = writeFive();
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.remove(2);
        Files.write(file, lines);
        AuditVerifier.Result r = AuditVerifier.verify(file);
        assertThat(r.intact()).isFalse();
        assertThat(r.lines()).isEqualTo(2);
        assertThat(r.problem()).startsWith("line 3:").contains("removed or inserted");
    }

    @Test
    void anAlteredLineIsCaughtEvenWhenItsJsonIsValid() throws Exception {
        Path file = writeFive();
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(3, lines.get(3).replace("dns:s4.example", "dns:evil.example"));
        Files.write(file, lines);
        AuditVerifier.Result r = AuditVerifier.verify(file);
        assertThat(r.intact()).isFalse();
        assertThat(r.problem()).startsWith("line 4:").contains("altered");
    }

    @Test
    void aTruncatedLastLineIsReportedAndTheServerRefusesToAppendAfterIt() throws Exception {
        Path file = writeFive();
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.length() - 20));
        AuditVerifier.Result r = AuditVerifier.verify(file);
        assertThat(r.intact()).isFalse();
        assertThat(r.problem()).startsWith("line 5:");
        assertThatThrownBy(() -> AuditLog.open(file, clock, "node-a")).isInstanceOf(CertaException.class)
                .hasMessageContaining("is damaged").hasMessageContaining("line 5");
    }
}
