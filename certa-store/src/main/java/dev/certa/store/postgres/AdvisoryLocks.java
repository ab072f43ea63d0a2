package dev.certa.store.postgres;

import dev.certa.store.ClusterLocks;
import dev.certa.store.StoreException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster locks as PostgreSQL session advisory locks ({@code pg_try_advisory_lock}), held on a
 * connection of their own for as long as the work runs. If the node dies, its session ends and
 * PostgreSQL releases the lock. Lock keys are per schema, so CAs in different schemas of one database
 * do not exclude each other. The connection is opened outside the pool: long work under a lock never
 * starves the pool, and may itself use the store.
 */
final class AdvisoryLocks implements ClusterLocks {
    private static final Logger log = LoggerFactory.getLogger(AdvisoryLocks.class);

    private final DataSource direct;
    private final String schema;
    private final String where;

    AdvisoryLocks(DataSource direct, String schema, String where) {
        this.direct = direct;
        this.schema = schema;
        this.where = where;
    }

    @Override
    public <T> Optional<T> tryWithLock(String name, Supplier<T> work) {
        long key = key(schema + "/" + name);
        try (Connection session = direct.getConnection()) {
            if (!call(session, "SELECT pg_try_advisory_lock(?)", key)) {
                return Optional.empty();
            }
            try {
                return Optional.ofNullable(work.get());
            } finally {
                unlock(session, key, name);
            }
        } catch (SQLException e) {
            throw new StoreException("could not take the cluster lock '" + name + "' on " + where + ": " + e.getMessage(), e);
        }
    }

    private void unlock(Connection session, long key, String name) {
        try {
            call(session, "SELECT pg_advisory_unlock(?)", key);
        } catch (SQLException e) {
            // Closing the session releases the lock anyway.
            log.warn("releasing the cluster lock '{}' on {} failed", name, where, e);
        }
    }

    private static boolean call(Connection session, String sql, long key) throws SQLException {
        try (PreparedStatement ps = session.prepareStatement(sql)) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** A stable 64-bit lock key: the first 8 bytes of the name's SHA-256. */
    static long key(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
