package dev.certa.store.jdbc;

import dev.certa.store.StoreFailures;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs queries on pooled read connections, turning driver failures into {@link StoreException}s. */
public final class Reads {
    private final DataSource pool;
    private final String where;

    public Reads(DataSource pool, String where) {
        this.pool = pool;
        this.where = where;
    }

    public <T> T run(String what, SqlWork<T> query) {
        try (Connection connection = pool.getConnection()) {
            return query.apply(connection);
        } catch (SQLException e) {
            throw StoreFailures.explain("could not " + what + " in " + where, where, e);
        }
    }
}
