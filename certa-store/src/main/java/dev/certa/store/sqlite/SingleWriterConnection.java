package dev.certa.store.sqlite;

import dev.certa.store.jdbc.WriteConnections;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SQLite's one writer connection. Only the {@link dev.certa.store.jdbc.GroupCommitter}'s single
 * thread uses it, so no two transactions ever compete for SQLite's write lock inside this process.
 */
final class SingleWriterConnection implements WriteConnections {
    private final Connection connection;
    private boolean flushing = true; // the connection is opened with synchronous=FULL

    SingleWriterConnection(Connection connection) {
        this.connection = connection;
    }

    @Override
    public Connection acquire() {
        return connection;
    }

    @Override
    public void release(Connection connection) {
        // kept open for the next transaction
    }

    /**
     * {@code synchronous=FULL} (the WAL is flushed at each commit) or {@code NORMAL} (it is not; in WAL
     * mode a commit is then in the operating system's cache, and durable with the next flush). SQLite
     * refuses to change this inside a transaction, and sqlite-jdbc opens the next one as soon as the
     * last commits, so the empty one is closed around the change.
     */
    @Override
    public void flushAtCommit(Connection c, boolean flush) throws SQLException {
        if (flush == flushing) {
            return;
        }
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            st.execute(flush ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
        } finally {
            c.setAutoCommit(false);
        }
        flushing = flush;
    }

    @Override
    public void close() {
        // JdbcStore closes the connection itself
    }
}
