package dev.certa.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work on one connection. A write handed to the {@link GroupCommitter} runs inside a transaction it
 * shares with other callers' writes and may run more than once (after a rollback caused by another
 * write), so it must only touch the database through {@code connection}.
 */
@FunctionalInterface
public interface SqlWork<T> {
    T apply(Connection connection) throws SQLException;
}
