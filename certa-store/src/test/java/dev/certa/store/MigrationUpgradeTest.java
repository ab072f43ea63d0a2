package dev.certa.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/** A database left at schema version 1 (with data) is brought to the current version and keeps its data. */
class MigrationUpgradeTest {
    @TempDir
    Path directory;

    private static void migrateToVersionOne(DataSource dataSource, Map<String, String> placeholders, String schema) {
        var configuration = Flyway.configure().dataSource(dataSource).locations("classpath:db/certa")
                .placeholders(placeholders).target("1");
        if (schema != null) {
            configuration.schemas(schema).defaultSchema(schema).createSchemas(true);
        }
        configuration.load().migrate();
    }

    private static void insertVersionOneRows(Connection c, String serial) throws Exception {
        try (PreparedStatement cert = c.prepareStatement("INSERT INTO certificates (serial, issuer_id, der, names,"
                + " not_before, not_after, profile, requester, issued_at) VALUES (?, 'issuer-a', ?, 'dns:old.example', 0, 1, 'server', 'r', 0)");
                PreparedStatement name = c.prepareStatement("INSERT INTO certificate_names (name, serial) VALUES ('dns:old.example', ?)")) {
            cert.setString(1, serial);
            cert.setBytes(2, new byte[] {0x30, 0});
            cert.executeUpdate();
            name.setString(1, serial);
            name.executeUpdate();
        }
    }

    private static void assertUpgraded(CertaStore store) {
        var found = store.certificates().search(CertificateQuery.all(10).withName("dns:old.example"));
        assertThat(found).hasSize(1);
        assertThat(found.getFirst().certificate().serial()).isEqualTo(java.math.BigInteger.valueOf(0xabc));
        store.certificates().record(Certificates.any().withNames("dns:new.example").record());
        assertThat(store.certificates().search(CertificateQuery.all(10).withName("dns:new.example"))).hasSize(1);
    }

    private static final String SERIAL = "0".repeat(37) + "abc";

    @Test
    void sqliteAtVersionOneIsUpgraded() throws Exception {
        Path file = directory.resolve("certa.db");
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + file);
        migrateToVersionOne(dataSource, Map.of("binary", "BLOB", "serial", "TEXT", "key_only_table", "WITHOUT ROWID"), null);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            insertVersionOneRows(c, SERIAL);
        }

        try (CertaStore store = Stores.open(new StoreConfig.Sqlite(file))) {
            assertUpgraded(store);
        }
    }

    @Test
    void postgresAtVersionOneIsUpgraded() throws Exception {
        var database = new PostgresTestDatabase();
        PostgresTestDatabase.requireServer();
        try {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(PostgresTestDatabase.URL);
            dataSource.setUser(PostgresTestDatabase.USER);
            migrateToVersionOne(dataSource,
                    Map.of("binary", "BYTEA", "serial", "TEXT COLLATE \"C\"", "key_only_table", ""), database.schema());
            try (Connection c = database.connect()) {
                insertVersionOneRows(c, SERIAL);
            }

            try (CertaStore store = database.open()) {
                assertUpgraded(store);
            }
        } finally {
            database.cleanUp();
        }
    }
}
