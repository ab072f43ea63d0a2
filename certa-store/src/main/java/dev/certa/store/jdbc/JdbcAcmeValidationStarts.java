package dev.certa.store.jdbc;

import dev.certa.store.AcmeStalledChallenge;
import dev.certa.store.AcmeStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When challenge validations started, for {@link JdbcAcmeLedger}: starting one and taking over a
 * stalled one are single compare-and-set statements, so only one node wins each.
 */
final class JdbcAcmeValidationStarts {
    private final GroupCommitter writer;
    private final Reads reads;
    private final KeptAcmeRows kept;

    JdbcAcmeValidationStarts(GroupCommitter writer, Reads reads, KeptAcmeRows kept) {
        this.writer = writer;
        this.reads = reads;
        this.kept = kept;
    }

    boolean start(String id, Instant at) {
        return kept.write(writer, true, c -> startOnce(c, id, at), started -> {
            if (started) {
                kept.challengeChanged(id, AcmeStatus.PROCESSING, Optional.empty(), Optional.empty());
            }
        });
    }

    private static boolean startOnce(Connection c, String id, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE acme_challenges SET status = ?, processing_since = ?"
                + " WHERE id = ? AND status = ?")) {
            ps.setString(1, AcmeStatus.PROCESSING.word());
            ps.setLong(2, Columns.micros(at));
            ps.setString(3, id);
            ps.setString(4, AcmeStatus.PENDING.word());
            return ps.executeUpdate() == 1;
        }
    }

    List<AcmeStalledChallenge> stalled(Instant startedBefore, int limit) {
        return reads.run("find stalled ACME validations", c -> JdbcRows.processingSince(c, "id, processing_since", "acme_challenges",
                startedBefore, limit, rs -> {
                    String id = rs.getString(1);
                    long since = rs.getLong(2);
                    return new AcmeStalledChallenge(id, rs.wasNull() ? Optional.empty() : Optional.of(Columns.instant(since)));
                }));
    }

    boolean takeOver(AcmeStalledChallenge stalled, Instant at) {
        return writer.writeRelaxed(c -> {
            String since = stalled.processingSince().isPresent() ? "processing_since = ?" : "processing_since IS NULL";
            try (PreparedStatement ps = c.prepareStatement("UPDATE acme_challenges SET processing_since = ?"
                    + " WHERE id = ? AND status = ? AND " + since)) {
                ps.setLong(1, Columns.micros(at));
                ps.setString(2, stalled.challengeId());
                ps.setString(3, AcmeStatus.PROCESSING.word());
                if (stalled.processingSince().isPresent()) {
                    ps.setLong(4, Columns.micros(stalled.processingSince().get()));
                }
                return ps.executeUpdate() == 1;
            }
        });
    }
}
