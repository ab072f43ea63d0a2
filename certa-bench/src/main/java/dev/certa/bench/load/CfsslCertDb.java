package dev.certa.bench.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Creates the SQLite certificate database that {@code cfssl serve -db-config} records into, with the
 * schema of cfssl's own migration ({@code certdb/sqlite/migrations/001_CreateCertificates.sql}), so that
 * {@code scripts/bench-serve} can also measure cfssl doing what certa always does: keep every certificate
 * it signs. Usage: {@code CfsslCertDb FILE}.
 */
public final class CfsslCertDb {
    private CfsslCertDb() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: CfsslCertDb FILE (the SQLite database to create for cfssl's certdb)");
            System.exit(2);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0]); Statement s = c.createStatement()) {
            s.executeUpdate("""
                    CREATE TABLE IF NOT EXISTS certificates (
                      serial_number            blob NOT NULL,
                      authority_key_identifier blob NOT NULL,
                      ca_label                 blob,
                      status                   blob NOT NULL,
                      reason                   int,
                      expiry                   timestamp,
                      revoked_at               timestamp,
                      pem                      blob NOT NULL,
                      PRIMARY KEY(serial_number, authority_key_identifier))""");
            s.executeUpdate("""
                    CREATE TABLE IF NOT EXISTS ocsp_responses (
                      serial_number            blob NOT NULL,
                      authority_key_identifier blob NOT NULL,
                      body                     blob NOT NULL,
                      expiry                   timestamp,
                      PRIMARY KEY(serial_number, authority_key_identifier),
                      FOREIGN KEY(serial_number, authority_key_identifier)
                        REFERENCES certificates(serial_number, authority_key_identifier))""");
        }
    }
}
