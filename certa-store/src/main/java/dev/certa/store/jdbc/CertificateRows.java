package dev.certa.store.jdbc;

import dev.certa.store.IssuedCertificateRecord;
import dev.certa.store.Revocation;
import dev.certa.store.StoredCertificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** Reads and writes rows of {@code certificates} and {@code certificate_names}. */
final class CertificateRows {
    /** The columns {@link #read} expects, in order. */
    static final String COLUMNS = "serial, issuer_id, der, names, not_before, not_after, profile, requester, issued_at,"
            + " revoked_at, revocation_reason, revoked_by";

    private static final String INSERT = "INSERT INTO certificates"
            + " (serial, issuer_id, der, names, not_before, not_after, profile, requester, issued_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (serial) DO NOTHING";
    private static final String INSERT_NAME = "INSERT INTO certificate_names (name, serial) VALUES (?, ?)";

    private CertificateRows() {}

    /**
     * Inserts the rows (serials distinct) in one JDBC batch per table, inside the caller's transaction.
     * Returns, per row, whether it was inserted ({@code false}: the serial was already recorded).
     */
    static boolean[] insert(Connection connection, List<IssuedCertificateRecord> rows) throws SQLException {
        boolean[] inserted = new boolean[rows.size()];
        if (rows.isEmpty()) {
            return inserted;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (IssuedCertificateRecord row : rows) {
                insert.setString(1, Columns.serial(row.serial()));
                insert.setString(2, row.issuerId());
                insert.setBytes(3, row.der());
                insert.setString(4, Columns.names(row.names()));
                insert.setLong(5, Columns.micros(row.notBefore()));
                insert.setLong(6, Columns.micros(row.notAfter()));
                insert.setString(7, row.profile());
                insert.setString(8, row.requester());
                insert.setLong(9, Columns.micros(row.issuedAt()));
                insert.addBatch();
            }
            int[] counts = insert.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == Statement.SUCCESS_NO_INFO) {
                    throw new SQLException("the JDBC driver did not report which certificates were inserted");
                }
                inserted[i] = counts[i] > 0;
            }
        }
        boolean anyNames = false;
        try (PreparedStatement insertName = connection.prepareStatement(INSERT_NAME)) {
            for (int i = 0; i < inserted.length; i++) {
                if (!inserted[i]) {
                    continue;
                }
                String serial = Columns.serial(rows.get(i).serial());
                for (String name : new LinkedHashSet<>(rows.get(i).names())) {
                    insertName.setString(1, name);
                    insertName.setString(2, serial);
                    insertName.addBatch();
                    anyNames = true;
                }
            }
            if (anyNames) {
                insertName.executeBatch();
            }
        }
        return inserted;
    }

    /** The current row of a result set selected with {@link #COLUMNS}. */
    static StoredCertificate read(ResultSet rs) throws SQLException {
        var certificate = new IssuedCertificateRecord(
                Columns.serial(rs.getString(1)),
                rs.getString(2),
                rs.getBytes(3),
                Columns.names(rs.getString(4)),
                Columns.instant(rs.getLong(5)),
                Columns.instant(rs.getLong(6)),
                rs.getString(7),
                rs.getString(8),
                Columns.instant(rs.getLong(9)));
        long revokedAt = rs.getLong(10);
        Optional<Revocation> revocation = rs.wasNull()
                ? Optional.empty()
                : Optional.of(new Revocation(Columns.instant(revokedAt), rs.getInt(11), rs.getString(12)));
        return new StoredCertificate(certificate, revocation);
    }
}
