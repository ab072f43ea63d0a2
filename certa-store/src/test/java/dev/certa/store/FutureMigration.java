package dev.certa.store;

/** A row that a newer certa's migration would leave in Flyway's history. */
final class FutureMigration {
    static final String INSERT = "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
            + " checksum, installed_by, installed_on, execution_time, success)"
            + " VALUES (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 0, 'certa', CURRENT_TIMESTAMP, 1, true)";

    private FutureMigration() {}
}
