package dev.certa.store;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fresh schema on the test PostgreSQL server, dropped afterwards, so parallel runs never meet. The
 * server is required, not optional: when it cannot be reached the tests fail and say so. Defaults
 * match CI (127.0.0.1:5432, trust authentication, database {@code test}, user {@code postgres});
 * {@code -Dcerta.test.postgres.url=...} and {@code -Dcerta.test.postgres.user=...} override them.
 */
final class PostgresTestDatabase implements TestDatabase {
    static final String URL = System.getProperty("certa.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getProperty("certa.test.postgres.user", "postgres");

    private final String schema = "certa_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());

    String schema() {
        return schema;
    }

    StoreConfig.Postgres config() {
        return new StoreConfig.Postgres(URL, USER, "", schema, 8);
    }

    @Override
    public CertaStore open() {
        requireServer();
        return Stores.open(config());
    }

    @Override
    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("currentSchema", schema);
        return DriverManager.getConnection(URL, properties);
    }

    @Override
    public void cleanUp() {
        try (Connection c = admin()) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test schema " + schema, e);
        }
    }

    static Connection admin() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        return DriverManager.getConnection(URL, properties);
    }

    static void requireServer() {
        try (Connection c = admin()) {
            c.isValid(5);
        } catch (SQLException e) {
            fail("These tests need PostgreSQL and cannot reach it at " + URL + " as user " + USER + ": " + e.getMessage()
                    + "\nStart it (CI has it at 127.0.0.1:5432 with trust authentication and a database 'test'),"
                    + " or point -Dcerta.test.postgres.url / -Dcerta.test.postgres.user at one.", e);
        }
    }
}
