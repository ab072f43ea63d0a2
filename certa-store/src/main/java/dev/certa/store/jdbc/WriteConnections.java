package dev.certa.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where the {@link GroupCommitter}'s threads get a connection for one transaction: SQLite's single
 * writer connection, or a pooled PostgreSQL connection.
 */
public interface WriteConnections extends AutoCloseable {

    /** A connection with auto-commit off, for one transaction. */
    Connection acquire() throws SQLException;

    /** Gives it back after commit or rollback. */
    void release(Connection connection);

    @Override
    void close();
}
