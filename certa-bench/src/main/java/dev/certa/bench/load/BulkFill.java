package dev.certa.bench.load;

import dev.certa.core.pem.PemReader;
import dev.certa.server.signing.IssuerIds;
import dev.certa.store.StoreConfig;
import dev.certa.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Fills a SQLite store with {@code count} certificate records for the latency check: the schema made by
 * the store itself ({@link Stores#open}), then rows inserted in large transactions with the disk flush
 * off (a bulk load, not what the server does). Each row is what {@code /sign} records: a random
 * 159-bit serial, the DER of a real certificate this CA issued (so the rows have a real size), one
 * name in {@code certificates.names} and in {@code certificate_names}, validity and issue times spread
 * over the last 90 days.
 *
 * <pre>java ... BulkFill DB_FILE COUNT LEAF_PEM ISSUER_PEM</pre>
 */
public final class BulkFill {
    private static final int TRANSACTION = 100_000;

    private BulkFill() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        byte[] der = PemReader.readCertificates(Files.readAllBytes(Path.of(args[2])), args[2]).get(0).getEncoded();
        X509Certificate issuer = PemReader.readCertificates(Files.readAllBytes(Path.of(args[3])), args[3]).get(0);
        String issuerId = IssuerIds.of(issuer);
        Stores.open(new StoreConfig.Sqlite(file)).close(); // the schema, as the server makes it
        long start = System.nanoTime();
        SecureRandom random = new SecureRandom();
        HexFormat hex = HexFormat.of();
        Instant now = Instant.now();
        long nowMicros = ChronoUnit.MICROS.between(Instant.EPOCH, now);
        long ninetyDays = Duration.ofDays(90).toNanos() / 1000;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA synchronous = OFF");
                s.execute("PRAGMA cache_size = -262144");
            }
            c.setAutoCommit(false);
            try (PreparedStatement cert = c.prepareStatement("INSERT INTO certificates"
                    + " (serial, issuer_id, der, names, not_before, not_after, profile, requester, issued_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement name = c.prepareStatement("INSERT INTO certificate_names (name, serial) VALUES (?, ?)")) {
                byte[] serial = new byte[20];
                for (int i = 0; i < count; i++) {
                    random.nextBytes(serial);
                    serial[0] &= 0x7f;
                    String s = hex.formatHex(serial);
                    long issued = nowMicros - (long) (random.nextDouble() * ninetyDays);
                    String n = "dns:fill-" + i + ".bench.internal";
                    cert.setString(1, s);
                    cert.setString(2, issuerId);
                    cert.setBytes(3, der);
                    cert.setString(4, n);
                    cert.setLong(5, issued);
                    cert.setLong(6, issued + ninetyDays);
                    cert.setString(7, "server");
                    cert.setString(8, "provisioner:default/fill-" + i + ".bench.internal");
                    cert.setLong(9, issued);
                    cert.addBatch();
                    name.setString(1, n);
                    name.setString(2, s);
                    name.addBatch();
                    if ((i + 1) % 10_000 == 0) {
                        cert.executeBatch();
                        name.executeBatch();
                    }
                    if ((i + 1) % TRANSACTION == 0) {
                        c.commit();
                    }
                }
                cert.executeBatch();
                name.executeBatch();
                c.commit();
            }
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        }
        System.err.printf(Locale.ROOT, "fill: %,d certificates (%d-byte DER) in %s in %.1f s%n", count, der.length, file,
                (System.nanoTime() - start) / 1e9);
    }
}
