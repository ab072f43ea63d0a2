package dev.certa.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same migrations leave SQLite and PostgreSQL with the same tables, columns and indexes. */
class SchemaParityTest {
    private static final Set<String> OURS = Set.of("certificates", "certificate_names", "revocation_state",
            "used_tokens", "counters", "flyway_schema_history", "acme_accounts", "acme_orders", "acme_authorizations",
            "acme_challenges", "acme_used_nonces", "acme_secrets", "acme_eab_keys", "acme_replacements", "acme_renewal_hints",
            "acme_order_domains", "audit_checkpoints", "acme_account_origins");

    @TempDir
    Path directory;

    @Test
    void bothDatabasesHaveTheSameTablesColumnsAndIndexes() throws Exception {
        Path file = directory.resolve("certa.db");
        Stores.open(new StoreConfig.Sqlite(file)).close();
        var postgres = new PostgresTestDatabase();
        try {
            postgres.open().close();

            TreeMap<String, Set<String>> sqlite;
            TreeMap<String, Set<String>> pg;
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
                sqlite = describe(c.getMetaData(), null);
            }
            try (Connection c = postgres.connect()) {
                pg = describe(c.getMetaData(), postgres.schema());
            }

            assertThat(sqlite.keySet()).containsExactlyInAnyOrderElementsOf(OURS);
            assertThat(pg).isEqualTo(sqlite);
            assertThat(sqlite.get("certificates")).contains("serial NOT NULL", "der NOT NULL", "revoked_at NULL",
                    "index certificates_issued", "index certificates_revoked");
        } finally {
            postgres.cleanUp();
        }
    }

    /** Per table: "column NULL|NOT NULL" and "index name" for each named (non-automatic) index. */
    private static TreeMap<String, Set<String>> describe(DatabaseMetaData meta, @Nullable String schema) throws SQLException {
        var tables = new TreeMap<String, Set<String>>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!table.startsWith("sqlite_")) {
                    tables.put(table, new TreeSet<>());
                }
            }
        }
        for (var entry : tables.entrySet()) {
            try (ResultSet rs = meta.getColumns(null, schema, entry.getKey(), "%")) {
                while (rs.next()) {
                    String nullable = rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls ? " NOT NULL" : " NULL";
                    entry.getValue().add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT) + nullable);
                }
            }
            try (ResultSet rs = meta.getIndexInfo(null, schema, entry.getKey(), false, false)) {
                while (rs.next()) {
                    String index = rs.getString("INDEX_NAME");
                    if (index != null && !index.startsWith("sqlite_autoindex") && !index.endsWith("_pkey")
                            && !index.startsWith("flyway_schema_history")) {
                        entry.getValue().add("index " + index.toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return tables;
    }
}
