package dev.certa.store.jdbc;

import dev.certa.store.CertificateLedger;
import dev.certa.store.CertificateQuery;
import dev.certa.store.DuplicateSerialException;
import dev.certa.store.IssuedCertificateRecord;
import dev.certa.store.RevokeOutcome;
import dev.certa.store.Revocation;
import dev.certa.store.RevokedEntry;
import dev.certa.store.StoredCertificate;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The certificate ledger over the shared schema: writes through the {@link GroupCommitter}, reads on
 * pooled connections.
 */
public final class JdbcCertificateLedger implements CertificateLedger {
    private final GroupCommitter writer;
    private final Reads reads;

    public JdbcCertificateLedger(GroupCommitter writer, Reads reads) {
        this.writer = writer;
        this.reads = reads;
    }

    @Override
    public void record(IssuedCertificateRecord certificate) throws DuplicateSerialException {
        Columns.names(certificate.names()); // refuse unstorable names here, in the caller's thread
        if (!writer.record(certificate)) {
            throw new DuplicateSerialException(certificate.serial());
        }
    }

    @Override
    public boolean recordWithToken(IssuedCertificateRecord certificate, String provisioner, String tokenId, Instant tokenExpiresAt)
            throws DuplicateSerialException {
        Columns.names(certificate.names());
        return switch (writer.record(certificate, new GroupCommitter.TokenUse(provisioner, tokenId, Columns.micros(tokenExpiresAt)))) {
            case RECORDED -> true;
            case TOKEN_USED -> false;
            case DUPLICATE_SERIAL -> throw new DuplicateSerialException(certificate.serial());
        };
    }

    @Override
    public Optional<StoredCertificate> find(BigInteger serial) {
        String column = Columns.serial(serial);
        return reads.run("find certificate " + serial.toString(16), c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + CertificateRows.COLUMNS + " FROM certificates WHERE serial = ?")) {
                ps.setString(1, column);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(CertificateRows.read(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<StoredCertificate> search(CertificateQuery query) {
        return reads.run("search certificates", c -> search(c, query));
    }

    private static List<StoredCertificate> search(Connection c, CertificateQuery query) throws SQLException {
        var sql = new StringBuilder("SELECT " + CertificateRows.COLUMNS + " FROM certificates WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (query.name().isPresent()) {
            sql.append(" AND serial IN (SELECT serial FROM certificate_names WHERE name = ?)");
            parameters.add(query.name().get());
        }
        query.revoked().ifPresent(revoked ->
                sql.append(revoked ? " AND revoked_at IS NOT NULL" : " AND revoked_at IS NULL"));
        if (query.expiringBefore().isPresent()) {
            sql.append(" AND not_after < ?");
            parameters.add(Columns.micros(query.expiringBefore().get()));
        }
        if (query.requester().isPresent()) {
            sql.append(" AND requester = ?");
            parameters.add(query.requester().get());
        }
        if (query.afterSerial().isPresent()) {
            String cursor = Columns.serial(query.afterSerial().get());
            Optional<Long> cursorIssuedAt = issuedAt(c, cursor);
            if (cursorIssuedAt.isEmpty()) {
                return List.of(); // the cursor names no recorded certificate: nothing comes after it
            }
            // Newest first: after the cursor means issued earlier, or at the same time with a lower serial.
            sql.append(" AND issued_at <= ? AND (issued_at < ? OR serial < ?)");
            parameters.add(cursorIssuedAt.get());
            parameters.add(cursorIssuedAt.get());
            parameters.add(cursor);
        }
        sql.append(" ORDER BY issued_at DESC, serial DESC LIMIT ?");
        parameters.add(query.limit());
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                ps.setObject(i + 1, parameters.get(i));
            }
            List<StoredCertificate> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(CertificateRows.read(rs));
                }
            }
            return found;
        }
    }

    private static Optional<Long> issuedAt(Connection c, String serial) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT issued_at FROM certificates WHERE serial = ?")) {
            ps.setString(1, serial);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    @Override
    public RevokeOutcome revoke(BigInteger serial, Revocation revocation) {
        String column = Columns.serial(serial);
        return writer.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE certificates"
                    + " SET revoked_at = ?, revocation_reason = ?, revoked_by = ?"
                    + " WHERE serial = ? AND revoked_at IS NULL")) {
                ps.setLong(1, Columns.micros(revocation.revokedAt()));
                ps.setInt(2, revocation.reasonCode());
                ps.setString(3, revocation.revokedBy());
                ps.setString(4, column);
                if (ps.executeUpdate() == 1) {
                    try (PreparedStatement bump = c.prepareStatement(
                            "UPDATE revocation_state SET version = version + 1 WHERE id = 1")) {
                        bump.executeUpdate();
                    }
                    return RevokeOutcome.REVOKED;
                }
            }
            return issuedAt(c, column).isPresent() ? RevokeOutcome.ALREADY_REVOKED : RevokeOutcome.UNKNOWN_SERIAL;
        });
    }

    @Override
    public List<RevokedEntry> revokedBy(String issuerId, Instant notAfterFrom) {
        return reads.run("list the revoked certificates of issuer " + issuerId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT serial, revoked_at, revocation_reason"
                    + " FROM certificates WHERE issuer_id = ? AND revoked_at IS NOT NULL AND not_after >= ?"
                    + " ORDER BY serial")) {
                ps.setString(1, issuerId);
                ps.setLong(2, Columns.micros(notAfterFrom));
                List<RevokedEntry> entries = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new RevokedEntry(
                                Columns.serial(rs.getString(1)), Columns.instant(rs.getLong(2)), rs.getInt(3)));
                    }
                }
                return entries;
            }
        });
    }

    @Override
    public long revocationVersion() {
        return reads.run("read the revocation version", c -> single(c, "SELECT version FROM revocation_state WHERE id = 1"));
    }

    @Override
    public long count() {
        return reads.run("count certificates", c -> single(c, "SELECT COUNT(*) FROM certificates"));
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("no row from: " + sql);
            }
            return rs.getLong(1);
        }
    }
}
