package dev.certa.store.sqlite;

import dev.certa.store.jdbc.WriteConnections;
import java.sql.Connection;

/**
 * SQLite's one writer connection. Only the {@link dev.certa.store.jdbc.GroupCommitter}'s single
 * thread uses it, so no two transactions ever compete for SQLite's write lock inside this process.
 */
final class SingleWriterConnection implements WriteConnections {
    private final Connection connection;

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

    @Override
    public void close() {
        // JdbcStore closes the connection itself
    }
}
