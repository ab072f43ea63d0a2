package dev.certa.store.jdbc;

import dev.certa.store.Counters;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Named counters over the shared schema, incremented by one atomic upsert. */
public final class JdbcCounters implements Counters {
    private final GroupCommitter writer;
    private final Reads reads;

    public JdbcCounters(GroupCommitter writer, Reads reads) {
        this.writer = writer;
        this.reads = reads;
    }

    @Override
    public long next(String name) {
        return writer.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO counters (name, current_value) VALUES (?, 1)"
                    + " ON CONFLICT (name) DO UPDATE SET current_value = counters.current_value + 1"
                    + " RETURNING current_value")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("the counter upsert returned no value");
                    }
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public long current(String name) {
        return reads.run("read counter " + name, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT current_value FROM counters WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }
}
