package dev.certa.store.jdbc;

import dev.certa.store.AuditCheckpoint;
import dev.certa.store.AuditCheckpoints;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** Audit checkpoints over the shared schema, saved by one upsert. */
final class JdbcAuditCheckpoints implements AuditCheckpoints {
    private final GroupCommitter writer;
    private final Reads reads;

    JdbcAuditCheckpoints(GroupCommitter writer, Reads reads) {
        this.writer = writer;
        this.reads = reads;
    }

    @Override
    public Optional<AuditCheckpoint> find(String log) {
        return reads.run("read the audit checkpoint", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT lines, head, mac FROM audit_checkpoints WHERE log_name = ?")) {
                ps.setString(1, log);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new AuditCheckpoint(log, rs.getLong(1), rs.getString(2), rs.getString(3)))
                            : Optional.<AuditCheckpoint>empty();
                }
            }
        });
    }

    @Override
    public boolean anyExists() {
        return reads.run("read the audit checkpoints", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM audit_checkpoints LIMIT 1"); ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    @Override
    public void save(AuditCheckpoint checkpoint) {
        writer.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_checkpoints (log_name, lines, head, mac) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (log_name) DO UPDATE SET lines = excluded.lines, head = excluded.head, mac = excluded.mac")) {
                ps.setString(1, checkpoint.log());
                ps.setLong(2, checkpoint.lines());
                ps.setString(3, checkpoint.head());
                ps.setString(4, checkpoint.mac());
                return ps.executeUpdate();
            }
        });
    }
}
