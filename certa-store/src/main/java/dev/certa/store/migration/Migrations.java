package dev.certa.store.migration;

import dev.certa.store.StoreException;
import dev.certa.store.StoreFailures;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database to certa's current schema with Flyway: the versioned scripts in
 * {@code db/certa/V<n>__<what>.sql}, shared by SQLite and PostgreSQL. Where the dialects must differ
 * (a column type) the scripts use a placeholder that {@link Dialect} fills in; there are no per-vendor
 * copies to drift apart. Flyway records what it applied in {@code flyway_schema_history}, so opening an
 * up-to-date database again changes nothing.
 */
public final class Migrations {
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);
    private static final String LOCATION = "classpath:db/certa";

    /** The database kinds certa runs on, and what the placeholders in the scripts become on each. */
    public enum Dialect {
        // WITHOUT ROWID: a table that is nothing but its primary key is stored as one B-tree, not two.
        SQLITE(Map.of("binary", "BLOB", "serial", "TEXT", "key_only_table", "WITHOUT ROWID")),
        // COLLATE "C": serials compare byte by byte whatever collation the database was created with.
        POSTGRESQL(Map.of("binary", "BYTEA", "serial", "TEXT COLLATE \"C\"", "key_only_table", ""));

        private final Map<String, String> placeholders;

        Dialect(Map<String, String> placeholders) {
            this.placeholders = placeholders;
        }
    }

    private Migrations() {}

    /**
     * Migrates the database to the current version and returns that version.
     *
     * @param schema the PostgreSQL schema to create and use; empty for SQLite
     * @param where the database as told to a person (no password)
     * @throws StoreException when the database was migrated by a newer certa, or a migration fails
     */
    public static String migrate(DataSource dataSource, Dialect dialect, Optional<String> schema, String where) {
        FluentConfiguration configuration = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .placeholders(dialect.placeholders)
                .loggers("slf4j")
                .cleanDisabled(true);
        schema.ifPresent(s -> configuration.schemas(s).defaultSchema(s).createSchemas(true));
        Flyway flyway = configuration.load();
        try {
            refuseNewer(flyway, where);
            var result = flyway.migrate();
            String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
            if (result.migrationsExecuted > 0) {
                log.info("migrated {} to schema version {} ({} migration(s) applied)", where, version, result.migrationsExecuted);
            }
            return version == null ? "none" : version;
        } catch (FlywayException e) {
            if (StoreFailures.damage(e).isPresent()) {
                throw StoreFailures.explain("", where, e);
            }
            throw new StoreException("could not bring the database schema of " + where + " up to date: "
                    + e.getMessage().strip() + " Fix the cause and open it again.", e);
        }
    }

    private static void refuseNewer(Flyway flyway, String where) {
        MigrationInfo[] all = flyway.info().all();
        String latestKnown = "none";
        for (MigrationInfo migration : all) {
            if (migration.getState().isResolved() && migration.getVersion() != null) {
                latestKnown = migration.getVersion().getVersion();
            }
        }
        for (MigrationInfo migration : all) {
            MigrationState state = migration.getState();
            if (state == MigrationState.FUTURE_SUCCESS || state == MigrationState.FUTURE_FAILED) {
                throw new StoreException("the database " + where + " was upgraded by a newer certa: it has schema version "
                        + migration.getVersion().getVersion() + " (\"" + migration.getDescription() + "\"), and this certa"
                        + " knows versions up to " + latestKnown + ". Run that newer certa, or restore a backup taken"
                        + " before the upgrade; this certa does not touch a schema it does not understand.", null);
            }
        }
    }
}
