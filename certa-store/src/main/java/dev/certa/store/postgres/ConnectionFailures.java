package dev.certa.store.postgres;

import dev.certa.store.StoreException;
import java.sql.SQLException;

/** Turns a failure to connect to PostgreSQL into a message that says what to check. */
final class ConnectionFailures {
    private ConnectionFailures() {}

    static StoreException explain(SQLException e, String url, String user, String password) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String driver = Redaction.text(String.valueOf(e.getMessage()), password);
        String message;
        if (state.startsWith("08")) {
            message = "cannot reach PostgreSQL at " + url + ": " + driver
                    + " Check that the server is running and that the host and port in the URL are right.";
        } else if (state.equals("28P01") || state.equals("28000")) {
            message = "PostgreSQL at " + url + " refused user '" + user + "': " + driver
                    + " Check the user name and password certa is configured with (the password is not shown here)"
                    + " and that pg_hba.conf lets this user in from this host.";
        } else if (state.equals("3D000")) {
            message = "PostgreSQL at " + url + " has no such database: " + driver
                    + " Create it (createdb) or correct the database name in the URL.";
        } else if (state.equals("42501")) {
            message = "PostgreSQL at " + url + " does not let user '" + user + "' do what certa needs: " + driver
                    + " Grant it CREATE on the database (for its schema) or create the schema for it.";
        } else {
            message = "cannot use PostgreSQL at " + url + " as user '" + user + "': " + driver
                    + (state.isEmpty() ? "" : " (SQLState " + state + ")");
        }
        return new StoreException(message, e);
    }
}
