package dev.certa.store;

import java.nio.file.Path;
import java.util.Objects;

/** Which database to open. */
public sealed interface StoreConfig {

    /**
     * The embedded default: one SQLite file (WAL journal), created with its directory if missing.
     *
     * @param file the database file, e.g. {@code data/certa.db}
     */
    record Sqlite(Path file) implements StoreConfig {
        public Sqlite {
            Objects.requireNonNull(file, "file");
        }
    }

    /**
     * PostgreSQL, for several nodes sharing one CA.
     *
     * @param jdbcUrl e.g. {@code jdbc:postgresql://127.0.0.1:5432/certa}
     * @param user the role to connect as
     * @param password the password; empty for trust or peer authentication. Never logged.
     * @param schema the schema certa's tables live in (created if missing); lets several CAs or test
     *     runs share one database
     * @param poolSize connections kept open by this node
     */
    record Postgres(String jdbcUrl, String user, String password, String schema, int poolSize) implements StoreConfig {
        public Postgres {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(schema, "schema");
            if (poolSize < 1) {
                throw new IllegalArgumentException("poolSize must be at least 1, was " + poolSize);
            }
        }

        @Override
        public String toString() {
            return "Postgres[" + jdbcUrl + ", user=" + user + ", schema=" + schema + ", poolSize=" + poolSize + "]";
        }
    }
}
