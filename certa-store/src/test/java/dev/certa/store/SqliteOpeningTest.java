package dev.certa.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.ResultSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a SQLite store: where the file goes, its journal, and what a person is told when it cannot be opened. */
class SqliteOpeningTest {
    @TempDir
    Path directory;

    @Test
    void missingDirectoriesAreCreated() {
        Path file = directory.resolve("a/b/certa.db");

        try (CertaStore store = Stores.open(new StoreConfig.Sqlite(file))) {
            assertThat(store.isReachable()).isTrue();
            assertThat(store.description()).contains(file.toString());
            assertThat(store.sharedByNodes()).as("one process owns a SQLite store").isFalse();
        }
        assertThat(file).isRegularFile();
    }

    @Test
    void theFileIsInWalMode() throws Exception {
        Path file = directory.resolve("certa.db");
        try (CertaStore store = Stores.open(new StoreConfig.Sqlite(file))) {
            store.certificates().record(Certificates.any().record());

            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                    ResultSet rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
            }
            assertThat(directory.resolve("certa.db-wal")).exists();
        }
    }

    @Test
    void aDirectoryThatCannotBeCreatedIsExplained() throws Exception {
        Path blocker = Files.writeString(directory.resolve("not-a-directory"), "x");
        Path file = blocker.resolve("certa.db");

        assertThatThrownBy(() -> Stores.open(new StoreConfig.Sqlite(file)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot create the directory " + blocker)
                .hasMessageContaining("Choose a data directory");
    }

    @Test
    void aReadOnlyDirectoryIsExplained() throws Exception {
        // root may write anywhere, so this can only be seen as another user
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "running as root");
        Path readOnly = Files.createDirectory(directory.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        Path file = readOnly.resolve("certa.db");

        assertThatThrownBy(() -> Stores.open(new StoreConfig.Sqlite(file)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("certa cannot write to " + readOnly)
                .hasMessageContaining("write access");
    }

    @Test
    void aDirectoryInPlaceOfTheFileIsExplained() throws Exception {
        Path file = Files.createDirectory(directory.resolve("certa.db"));

        assertThatThrownBy(() -> Stores.open(new StoreConfig.Sqlite(file)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file + " exists but is not a file");
    }

    @Test
    void aFileThatIsNotADatabaseIsExplained() throws Exception {
        Path file = Files.writeString(directory.resolve("certa.db"), "this is a text file, not SQLite, and long enough to have a header\n".repeat(40));

        assertThatThrownBy(() -> Stores.open(new StoreConfig.Sqlite(file)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void aDatabaseMigratedByANewerCertaIsRefused() throws Exception {
        Path file = directory.resolve("certa.db");
        Stores.open(new StoreConfig.Sqlite(file)).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.createStatement().executeUpdate(FutureMigration.INSERT);
        }

        assertThatThrownBy(() -> Stores.open(new StoreConfig.Sqlite(file)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("SQLite database " + file)
                .hasMessageContaining("upgraded by a newer certa")
                .hasMessageContaining("schema version 99")
                .hasMessageContaining("knows versions up to 10");
    }
}
