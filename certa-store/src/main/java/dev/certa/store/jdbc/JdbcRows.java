package dev.certa.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small JDBC steps the ACME tables share: one row by id, an update with text parameters, optional columns. */
final class JdbcRows {
    private JdbcRows() {}

    /** Reads one row of a result set. */
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** The row {@code sql} selects with its one parameter bound to {@code id}, read by {@code reader}; empty when none. */
    static <T> Optional<T> oneRow(Connection c, String sql, String id, RowReader<T> reader) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(reader.read(rs)) : Optional.empty();
            }
        }
    }

    static int update(Connection c, String sql, String... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setString(i + 1, values[i]);
            }
            return ps.executeUpdate();
        }
    }

    static void setText(PreparedStatement ps, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            ps.setString(index, value.get());
        } else {
            ps.setNull(index, Types.VARCHAR);
        }
    }

    static void setInstant(PreparedStatement ps, int index, Optional<Instant> value) throws SQLException {
        if (value.isPresent()) {
            ps.setLong(index, Columns.micros(value.get()));
        } else {
            ps.setNull(index, Types.BIGINT);
        }
    }

    /**
     * Up to {@code limit} rows of {@code table} (ACME orders or challenges) in status processing since
     * before {@code startedBefore} or since an unknown time, oldest first: what a node's sweep takes over.
     */
    static <T> List<T> processingSince(Connection c, String columns, String table, Instant startedBefore, int limit,
            RowReader<T> reader) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + columns + " FROM " + table + " WHERE status = ?"
                + " AND (processing_since IS NULL OR processing_since < ?) ORDER BY processing_since LIMIT ?")) {
            ps.setString(1, dev.certa.store.AcmeStatus.PROCESSING.word());
            ps.setLong(2, Columns.micros(startedBefore));
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(reader.read(rs));
                }
                return out;
            }
        }
    }
}
