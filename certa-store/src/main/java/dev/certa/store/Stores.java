package dev.certa.store;

import dev.certa.store.postgres.PostgresStores;
import dev.certa.store.sqlite.SqliteStores;

/** Opens a store, running the schema migrations first. */
public final class Stores {
    private Stores() {}

    /**
     * Opens the configured database, creating it (SQLite) or the schema (PostgreSQL) if needed and
     * migrating it to the current version.
     *
     * @throws StoreException with a plain reason when the database cannot be reached or migrated
     */
    public static CertaStore open(StoreConfig config) {
        return switch (config) {
            case StoreConfig.Sqlite sqlite -> SqliteStores.open(sqlite);
            case StoreConfig.Postgres postgres -> PostgresStores.open(postgres);
        };
    }
}
