package dev.certa.store.jdbc;

import dev.certa.store.AcmeStatus;
import dev.certa.store.DuplicateSerialException;
import dev.certa.store.IssuedCertificateRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An order's finalization, for {@link JdbcAcmeLedger}: its start (recorded, so that a sweep finds it if its
 * node dies), its end with a certificate (the certificate's rows and the order's move to valid in one
 * transaction) or its failure (the move to invalid and the release of the certificate it claimed to
 * replace, in one transaction). Each is decided by a compare-and-set on the order's status.
 */
final class JdbcAcmeFinalizations {
    private enum Finish { RECORDED, DUPLICATE_SERIAL, NOT_PROCESSING }

    private final GroupCommitter writer;
    private final Reads reads;
    private final KeptAcmeRows kept;

    JdbcAcmeFinalizations(GroupCommitter writer, Reads reads, KeptAcmeRows kept) {
        this.writer = writer;
        this.reads = reads;
        this.kept = kept;
    }

    boolean start(String orderId, Instant at) {
        // relaxed: a guard against finalizing twice, made durable by the certificate that follows
        return kept.write(writer, true, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE acme_orders SET status = ?, processing_since = ?"
                    + " WHERE id = ? AND status = ?")) {
                ps.setString(1, AcmeStatus.PROCESSING.word());
                ps.setLong(2, Columns.micros(at));
                ps.setString(3, orderId);
                ps.setString(4, AcmeStatus.PENDING.word());
                return ps.executeUpdate() == 1;
            }
        }, started -> {
            if (started) {
                kept.orderChanged(orderId, AcmeStatus.PROCESSING, Optional.empty(), Optional.empty());
            }
        });
    }

    boolean finish(String orderId, IssuedCertificateRecord certificate) throws DuplicateSerialException {
        String serial = Columns.serial(certificate.serial());
        Finish outcome = kept.write(writer, false, c -> {
            if (!CertificateRows.insert(c, List.of(certificate))[0]) {
                return Finish.DUPLICATE_SERIAL; // nothing written
            }
            if (moveToValid(c, orderId, serial)) {
                return Finish.RECORDED;
            }
            // the order was failed meanwhile (by a sweep): the certificate goes with it, unseen by anyone
            JdbcRows.update(c, "DELETE FROM certificate_names WHERE serial = ?", serial);
            JdbcRows.update(c, "DELETE FROM certificates WHERE serial = ?", serial);
            return Finish.NOT_PROCESSING;
        }, done -> {
            if (done == Finish.RECORDED) {
                kept.orderChanged(orderId, AcmeStatus.VALID, Optional.empty(), Optional.of(certificate.serial()));
            }
        });
        return switch (outcome) {
            case RECORDED -> true;
            case NOT_PROCESSING -> false;
            case DUPLICATE_SERIAL -> throw new DuplicateSerialException(certificate.serial());
        };
    }

    private static boolean moveToValid(Connection c, String orderId, String serial) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE acme_orders SET status = ?, certificate_serial = ?"
                + " WHERE id = ? AND status = ?")) {
            ps.setString(1, AcmeStatus.VALID.word());
            ps.setString(2, serial);
            ps.setString(3, orderId);
            ps.setString(4, AcmeStatus.PROCESSING.word());
            return ps.executeUpdate() == 1;
        }
    }

    boolean fail(String orderId, String error) {
        return kept.write(writer, false, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE acme_orders SET status = ?, error = ? WHERE id = ? AND status = ?")) {
                ps.setString(1, AcmeStatus.INVALID.word());
                ps.setString(2, error);
                ps.setString(3, orderId);
                ps.setString(4, AcmeStatus.PROCESSING.word());
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
            JdbcRows.update(c, "DELETE FROM acme_replacements WHERE order_id = ?", orderId);
            return true;
        }, failed -> {
            if (failed) {
                kept.orderChanged(orderId, AcmeStatus.INVALID, Optional.of(error), Optional.empty());
            }
        });
    }

    List<String> stalled(Instant startedBefore, int limit) {
        return reads.run("find stalled ACME finalizations",
                c -> JdbcRows.processingSince(c, "id", "acme_orders", startedBefore, limit, rs -> rs.getString(1)));
    }
}
