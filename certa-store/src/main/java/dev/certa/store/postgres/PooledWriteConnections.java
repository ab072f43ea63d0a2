package dev.certa.store.postgres;

import dev.certa.store.jdbc.WriteConnections;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Write transactions on pooled PostgreSQL connections (the pool restores auto-commit on return). */
final class PooledWriteConnections implements WriteConnections {
    private static final Logger log = LoggerFactory.getLogger(PooledWriteConnections.class);

    private final DataSource pool;

    PooledWriteConnections(DataSource pool) {
        this.pool = pool;
    }

    @Override
    public Connection acquire() throws SQLException {
        Connection connection = pool.getConnection();
        try {
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public void flushAtCommit(Connection connection, boolean flush) throws SQLException {
        if (!flush) {
            // for this transaction only: its commit returns before the WAL is flushed (a later flush covers it)
            try (Statement st = connection.createStatement()) {
                st.execute("SET LOCAL synchronous_commit TO OFF");
            }
        }
    }

    @Override
    public void release(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("returning a connection to the pool failed", e);
        }
    }

    @Override
    public void close() {
        // the pool is closed by JdbcStore
    }
}
