package dev.certa.store;

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
        throw new UnsupportedOperationException("implemented by the store helper (branch helper/store)");
    }
}
