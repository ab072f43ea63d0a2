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

    /**
     * Sets whether the transaction now open on {@code connection} must reach the disk before its commit
     * returns ({@code flush}), or may be flushed with a later transaction: it is then in the database,
     * and survives the process being killed, but a power loss or operating-system crash before the next
     * flushed commit may undo it. The database keeps commits in order, so a flushed commit also makes
     * every earlier one durable.
     */
    void flushAtCommit(Connection connection, boolean flush) throws SQLException;

    @Override
    void close();
}
