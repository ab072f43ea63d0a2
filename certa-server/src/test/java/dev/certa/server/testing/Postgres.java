package dev.certa.server.testing;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fresh schema on the machine's PostgreSQL (127.0.0.1:5432, trust authentication, database {@code test})
 * for one test, dropped afterwards. The server is required: when it cannot be reached the test fails
 * and says how to provide one.
 */
public final class Postgres {
    public static final String URL = System.getProperty("certa.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = System.getProperty("certa.test.postgres.user", "postgres");
    private final String schema = "certa_srv_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());

    /** certa serve settings pointing at this schema. */
    public Map<String, String> settings() {
        try (Connection c = connect()) {
            c.isValid(5);
        } catch (SQLException e) {
            fail("this test needs PostgreSQL at " + URL + " as " + USER + " (CI has it at 127.0.0.1:5432 with trust auth): "
                    + e.getMessage(), e);
        }
        return Map.of("database.url", URL, "database.user", USER, "database.schema", schema, "database.pool-size", "4");
    }

    /** A store on this schema, as another node would open it. */
    public dev.certa.store.StoreConfig storeConfig() {
        return new dev.certa.store.StoreConfig.Postgres(URL, USER, "", schema, 2);
    }

    public void drop() {
        try (Connection c = connect()) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop " + schema, e);
        }
    }

    private static Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", USER);
        return DriverManager.getConnection(URL, p);
    }
}
