package dev.certa.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.certa.store.CertaStore;
import dev.certa.store.StoreConfig;
import dev.certa.store.StoreException;
import dev.certa.store.jdbc.GroupCommitter;
import dev.certa.store.jdbc.JdbcStore;
import dev.certa.store.jdbc.Reads;
import dev.certa.store.migration.Migrations;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a PostgreSQL store: certa's tables in their own schema (created if missing), a connection pool
 * of the configured size, group commit on up to two pooled connections at once. Several nodes may
 * open the same schema: uniqueness (serials, token ids), counters and locks are decided by the
 * database, not by any one node.
 */
public final class PostgresStores {
    private static final Logger log = LoggerFactory.getLogger(PostgresStores.class);
    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    private PostgresStores() {}

    public static CertaStore open(StoreConfig.Postgres config) {
        String url = Redaction.url(config.jdbcUrl());
        String where = "PostgreSQL " + url + " (schema " + config.schema() + ", user " + config.user() + ")";
        if (!SCHEMA.matcher(config.schema()).matches()) {
            throw new StoreException("'" + config.schema() + "' is not a schema name certa accepts for " + url
                    + ": use lower-case letters, digits and underscores, starting with a letter or underscore.", null);
        }
        PGSimpleDataSource direct = dataSource(config, url);
        probe(direct, config, url);
        String version = Migrations.migrate(direct, Migrations.Dialect.POSTGRESQL, Optional.of(config.schema()), where);

        HikariDataSource pool;
        try {
            pool = new HikariDataSource(pool(direct, config));
        } catch (RuntimeException e) {
            throw e.getCause() instanceof SQLException sql
                    ? ConnectionFailures.explain(sql, url, config.user(), config.password())
                    : new StoreException("could not open a connection pool to " + where + ": "
                            + Redaction.text(String.valueOf(e.getMessage()), config.password()), e);
        }
        int writers = Math.min(2, config.poolSize());
        var writer = new GroupCommitter(new PooledWriteConnections(pool), writers, where);
        log.info("opened {} (schema version {}, {} connections)", where, version, config.poolSize());
        return new JdbcStore(where, writer, new Reads(pool, where), new AdvisoryLocks(direct, config.schema(), where), true,
                List.of(pool));
    }

    private static PGSimpleDataSource dataSource(StoreConfig.Postgres config, String url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        try {
            dataSource.setURL(config.jdbcUrl());
        } catch (IllegalArgumentException e) {
            throw new StoreException("'" + url + "' is not a PostgreSQL JDBC URL; expected the form"
                    + " jdbc:postgresql://host:5432/database", e);
        }
        dataSource.setUser(config.user());
        if (!config.password().isEmpty()) {
            dataSource.setPassword(config.password());
        }
        dataSource.setCurrentSchema(config.schema());
        dataSource.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
        dataSource.setApplicationName("certa");
        dataSource.setTcpKeepAlive(true);
        return dataSource;
    }

    /** Connects once before anything else, to explain a refusal in plain words. */
    private static void probe(PGSimpleDataSource dataSource, StoreConfig.Postgres config, String url) {
        try (Connection connection = dataSource.getConnection()) {
            connection.isValid(CONNECT_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            throw ConnectionFailures.explain(e, url, config.user(), config.password());
        }
    }

    private static HikariConfig pool(PGSimpleDataSource dataSource, StoreConfig.Postgres config) {
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(dataSource);
        pool.setPoolName("certa-postgres");
        pool.setMaximumPoolSize(config.poolSize());
        pool.setMinimumIdle(config.poolSize());
        pool.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS * 1000L);
        return pool;
    }
}
