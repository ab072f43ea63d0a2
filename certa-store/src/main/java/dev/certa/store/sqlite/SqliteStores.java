package dev.certa.store.sqlite;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.certa.store.CertaStore;
import dev.certa.store.StoreConfig;
import dev.certa.store.StoreException;
import dev.certa.store.StoreFailures;
import dev.certa.store.jdbc.GroupCommitter;
import dev.certa.store.jdbc.JdbcStore;
import dev.certa.store.jdbc.Reads;
import dev.certa.store.migration.Migrations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens the embedded store: one SQLite file in WAL mode (readers never block the writer), written by a
 * single connection that the {@link GroupCommitter}'s one thread owns, read through a small pool.
 *
 * <p>Durability: {@code synchronous=FULL}. In WAL mode {@code NORMAL} already survives a killed
 * process (a commit is in the operating system's cache once {@code record} returns), but it may lose
 * the last commits on power loss or a kernel crash, and those could be certificates already handed
 * out. {@code FULL} flushes the WAL to disk at every commit; group commit pays that once per batch.
 */
public final class SqliteStores {
    private static final Logger log = LoggerFactory.getLogger(SqliteStores.class);
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final int READ_CONNECTIONS = 4;

    private SqliteStores() {}

    public static CertaStore open(StoreConfig.Sqlite config) {
        Path file = config.file().toAbsolutePath().normalize();
        String where = "SQLite database " + file;
        prepareDirectory(file);
        OwnerOnly.database(file);
        String url = "jdbc:sqlite:" + file;
        OwnerLock owner = OwnerLock.take(file); // before anything touches the database

        // creates the file, in WAL mode; keeps its prepared statements, as the readers' connections do
        Connection writerConnection;
        try {
            writerConnection = StatementCache.wrap(connect(url, file));
        } catch (RuntimeException e) {
            closeQuietly(owner);
            throw e;
        }
        String version;
        HikariDataSource readers;
        try {
            version = Migrations.migrate(dataSource(url, writerConfig()), Migrations.Dialect.SQLITE, Optional.empty(), where);
            startTransactions(writerConnection, where);
            readers = new HikariDataSource(readerPool(url));
        } catch (StoreException e) {
            closeQuietly(writerConnection);
            closeQuietly(owner);
            throw e;
        } catch (RuntimeException e) {
            closeQuietly(writerConnection);
            closeQuietly(owner);
            throw new StoreException("could not open read connections to " + where + ": " + e.getMessage(), e);
        }
        try {
            var writer = new GroupCommitter(new SingleWriterConnection(writerConnection), 1, where);
            log.info("opened {} (schema version {})", where, version);
            return new JdbcStore(where, writer, new Reads(readers, where), new LocalLocks(), false,
                    List.of(readers, writerConnection, owner));
        } catch (RuntimeException e) { // nothing is left open, the lock least of all
            readers.close();
            closeQuietly(writerConnection);
            closeQuietly(owner);
            throw e;
        }
    }

    private static void prepareDirectory(Path file) {
        Path directory = file.getParent();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StoreException("cannot create the directory " + directory + " for the SQLite database " + file
                    + " (" + e + "). Choose a data directory certa may write to, or create this one for it.", e);
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new StoreException("the SQLite database path " + file + " exists but is not a file."
                    + " Point certa at a database file (it is created if missing).", null);
        }
        if (!Files.isWritable(directory) || (Files.exists(file) && !Files.isWritable(file))) {
            throw new StoreException("certa cannot write to " + (Files.exists(file) ? file : directory)
                    + ": SQLite needs to write the database file and, next to it, its -wal and -shm files."
                    + " Give certa's user write access to the directory " + directory + ", or choose another one.", null);
        }
    }

    private static SQLiteConfig writerConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.enforceForeignKeys(true);
        // Transactions stay DEFERRED: sqlite-jdbc begins the next one as soon as the last commits, and a
        // deferred BEGIN takes no lock until the first statement, which in every write here is a write.
        config.setCacheSize(-65_536); // KiB: 64 MiB of pages for the indexes of a large ledger
        // Checkpoint every 10,000 pages (40 MiB of WAL) rather than SQLite's 1,000: an index page that
        // many commits touched is copied back to the database file once, and the checkpoint's fsync is
        // paid ten times less often. Measured in a JDBC harness at 16 rows per commit: 7,151 -> 10,481 rows/s.
        config.setWalAutocheckpoint(10_000);
        config.setJournalSizeLimit(64 * 1024 * 1024);
        return config;
    }

    private static HikariConfig readerPool(String url) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setCacheSize(-16_384);
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(StatementCache.wrap(dataSource(url, config)));
        pool.setPoolName("certa-sqlite-readers");
        pool.setMaximumPoolSize(READ_CONNECTIONS);
        pool.setMinimumIdle(1);
        pool.setConnectionTimeout(10_000);
        pool.setConnectionInitSql("PRAGMA query_only = 1"); // readers never write, even by mistake
        return pool;
    }

    private static SQLiteDataSource dataSource(String url, SQLiteConfig config) {
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl(url);
        return dataSource;
    }

    private static Connection connect(String url, Path file) {
        try {
            return dataSource(url, writerConfig()).getConnection();
        } catch (SQLException e) {
            if (StoreFailures.damage(e).isPresent()) {
                throw StoreFailures.explain("", "SQLite database " + file, e);
            }
            throw new StoreException("cannot open the SQLite database " + file + ": " + e.getMessage()
                    + ". Check that the file is a certa database and that certa's user may write to it.", e);
        }
    }

    private static void startTransactions(Connection connection, String where) {
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new StoreException("cannot start writing to " + where + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("closing {} failed", connection, e);
        }
    }

    private static void closeQuietly(OwnerLock owner) {
        try {
            owner.close();
        } catch (IOException e) {
            log.debug("releasing the lock of the SQLite database failed", e);
        }
    }
}
