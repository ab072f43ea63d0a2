package dev.certa.store;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * Says what a database failure means for the operator. A damaged database (SQLite's SQLITE_CORRUPT and
 * SQLITE_NOTADB, PostgreSQL's data_corrupted and index_corrupted) is not certa's bug and not fixed by
 * retrying: the reason says so and how to restore a backup.
 */
public final class StoreFailures {
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;

    private StoreFailures() {}

    /**
     * The failure as a {@link StoreException}: for a damaged database, what to do about it; otherwise
     * {@code what} and the driver's reason.
     *
     * @param what what was being done, e.g. "could not read the certificate in SQLite database /d/certa.db"
     * @param where the database, as the store names it ("SQLite database /d/certa.db")
     */
    public static StoreException explain(String what, String where, Throwable failure) {
        if (failure instanceof StoreException s) {
            return s;
        }
        Optional<String> damage = damage(failure);
        if (damage.isPresent()) {
            return new StoreException(damaged(where, damage.get()), failure);
        }
        return new StoreException(what + ": " + failure.getMessage(), failure);
    }

    /** What the database itself reported, if the failure is a damaged database. */
    public static Optional<String> damage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e) {
                int code = e.getErrorCode() & 0xff;
                String state = e.getSQLState() == null ? "" : e.getSQLState();
                String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
                if (code == SQLITE_NOTADB || message.contains("sqlite_notadb") || message.contains("file is not a database")) {
                    return Optional.of("it is not a database file");
                }
                if (code == SQLITE_CORRUPT || message.contains("sqlite_corrupt") || message.contains("disk image is malformed")) {
                    return Optional.of("its contents are corrupted");
                }
                if (state.equals("XX001") || state.equals("XX002")) {
                    return Optional.of("PostgreSQL reports corrupted data or a corrupted index");
                }
            }
        }
        return Optional.empty();
    }

    private static String damaged(String where, String damage) {
        String prefix = "SQLite database ";
        if (where.startsWith(prefix)) {
            String file = where.substring(prefix.length());
            return "the " + where + " is damaged: " + damage + ". This is not something certa can repair or retry. What to do:"
                    + " stop certa serve; keep the damaged file (and any " + file + "-wal, " + file + "-shm beside it) for"
                    + " investigation; restore your newest backup of " + file + " (copy it over the file and remove the -wal"
                    + " and -shm files); start certa again. Backups are made while certa runs with: sqlite3 " + file
                    + " \".backup /backup/certa.db\" (without a backup, the CA's certificates cannot be recovered: the CA keys"
                    + " in ca/ still work, issue and revoke again)";
        }
        return "the " + where + " is damaged: " + damage + ". What to do: stop every certa serve node using it, restore the"
                + " database from your newest backup (pg_dump / point-in-time recovery), and start them again";
    }
}
