package dev.certa.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.store.StoreConfig;
import dev.certa.store.Stores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite's writer connection: flushing the WAL at commit (synchronous=FULL) or not (NORMAL), switched between transactions. */
class SingleWriterConnectionTest {
    @TempDir
    Path directory;

    private static int synchronous(Connection c) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("PRAGMA synchronous")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static long rows(Connection c) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM acme_secrets")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aRelaxedTransactionCommitsWithoutFlushAndTheNextFlushingOneGoesBackToFull() throws Exception {
        Path file = directory.resolve("certa.db");
        Stores.open(new StoreConfig.Sqlite(file)).close(); // the schema
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file + "?synchronous=FULL&journal_mode=WAL")) {
            c.setAutoCommit(false);
            var writer = new SingleWriterConnection(c);
            assertThat(synchronous(c)).isEqualTo(2); // FULL

            writer.flushAtCommit(c, false);
            c.createStatement().executeUpdate("INSERT INTO acme_secrets (name, value) VALUES ('a', x'01')");
            c.commit();
            assertThat(synchronous(c)).isEqualTo(1); // NORMAL

            writer.flushAtCommit(c, false); // unchanged: nothing to do
            writer.flushAtCommit(c, true);
            c.createStatement().executeUpdate("INSERT INTO acme_secrets (name, value) VALUES ('b', x'02')");
            c.commit();
            assertThat(synchronous(c)).isEqualTo(2);
            assertThat(c.getAutoCommit()).isFalse();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(rows(c)).isEqualTo(2);
        }
    }
}
