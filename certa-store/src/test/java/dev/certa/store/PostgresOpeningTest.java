package dev.certa.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Opening a PostgreSQL store: its schema, and what a person is told when it cannot be opened. */
class PostgresOpeningTest {
    private static final String PASSWORD = "s3cret-pw-7f1e";

    private final PostgresTestDatabase database = new PostgresTestDatabase();

    @BeforeAll
    static void serverIsThere() {
        PostgresTestDatabase.requireServer();
    }

    @AfterEach
    void dropSchema() {
        database.cleanUp();
    }

    private StoreConfig.Postgres config(String url, String user, String password) {
        return new StoreConfig.Postgres(url, user, password, database.schema(), 2);
    }

    @Test
    void theSchemaIsCreatedAndHoldsTheTables() throws Exception {
        try (CertaStore store = Stores.open(database.config())) {
            store.certificates().record(Certificates.any().record());
            assertThat(store.description()).contains(PostgresTestDatabase.URL).contains("schema " + database.schema());
            assertThat(store.sharedByNodes()).as("several nodes may share a PostgreSQL store").isTrue();
        }
        try (Connection c = PostgresTestDatabase.admin();
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + database.schema() + ".certificates")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(1);
        }
    }

    @Test
    void anUnreachableServerIsExplained() {
        String url = "jdbc:postgresql://127.0.0.1:1/test";

        assertThatThrownBy(() -> Stores.open(config(url, "postgres", PASSWORD)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot reach PostgreSQL at " + url)
                .hasMessageContaining("server is running")
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    void aRefusedUserIsExplainedWithoutThePassword() {
        assertThatThrownBy(() -> Stores.open(config(PostgresTestDatabase.URL, "certa_no_such_role", PASSWORD)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("refused user 'certa_no_such_role'")
                .hasMessageContaining("password is not shown")
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    void aPasswordInTheUrlIsNeverShown() {
        String url = "jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=" + PASSWORD + "&ssl=false";

        assertThatThrownBy(() -> Stores.open(config(url, "postgres", "")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("password=****")
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    void theDescriptionNeverShowsAPassword() {
        // Trust authentication ignores the password, so this store opens.
        String url = PostgresTestDatabase.URL + "?password=" + PASSWORD;

        try (CertaStore store = Stores.open(config(url, PostgresTestDatabase.USER, PASSWORD))) {
            assertThat(store.description()).contains("password=****").doesNotContain(PASSWORD);
            assertThat(store.toString()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void aMissingDatabaseIsExplained() {
        String url = PostgresTestDatabase.URL.replaceAll("/[^/?]+$", "/certa_no_such_database");

        assertThatThrownBy(() -> Stores.open(config(url, PostgresTestDatabase.USER, "")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("no such database");
    }

    @Test
    void anUnsafeSchemaNameIsRefused() {
        var config = new StoreConfig.Postgres(PostgresTestDatabase.URL, PostgresTestDatabase.USER, "", "certa; DROP TABLE x", 2);

        assertThatThrownBy(() -> Stores.open(config))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("not a schema name");
    }

    @Test
    void aSchemaMigratedByANewerCertaIsRefused() throws Exception {
        Stores.open(database.config()).close();
        try (Connection c = database.connect()) {
            c.createStatement().executeUpdate(FutureMigration.INSERT);
        }

        assertThatThrownBy(() -> Stores.open(database.config()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("PostgreSQL " + PostgresTestDatabase.URL)
                .hasMessageContaining("upgraded by a newer certa")
                .hasMessageContaining("schema version 99");
    }
}
