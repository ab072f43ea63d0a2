package dev.certa.store;

import java.sql.Connection;
import java.sql.SQLException;

/** One test's database: a fresh SQLite file, or a fresh PostgreSQL schema. */
interface TestDatabase {

    /** A plain JDBC connection to the same tables, for looking behind the store's back. */
    Connection connect() throws SQLException;

    /** Opens a store on it; called again, a second store on the same data (a reopen, or another node). */
    CertaStore open();

    /** Removes it, after every store opened on it is closed. */
    void cleanUp();
}
