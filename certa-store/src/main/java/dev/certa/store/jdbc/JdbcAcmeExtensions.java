package dev.certa.store.jdbc;

import dev.certa.store.AcmeEabKey;
import dev.certa.store.AcmeOrderCount;
import dev.certa.store.AcmeOrderLimit;
import dev.certa.store.AcmeRenewalHint;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ACME extensions' state for {@link JdbcAcmeLedger}: recent orders for rate limits, External Account
 * Binding keys, which order replaced a certificate (RFC 9773), and renewal information an admin pulled forward. Binding a key and
 * claiming a replacement are single statements that only one node can win.
 */
final class JdbcAcmeExtensions {
    private static final String EAB_COLUMNS = "key_id, hmac_key, label, created_at, account_id, bound_at, revoked_at";
    private final GroupCommitter writer;
    private final Reads reads;

    JdbcAcmeExtensions(GroupCommitter writer, Reads reads) {
        this.writer = writer;
        this.reads = reads;
    }

    private static final String ACCOUNT_ORDERS = "SELECT COUNT(*), MIN(created_at) FROM acme_orders WHERE account_id = ? AND created_at >= ?";
    private static final String DOMAIN_ORDERS = "SELECT COUNT(*), MIN(created_at) FROM acme_order_domains WHERE domain = ? AND created_at >= ?";
    /**
     * One lock per schema for every order limit: a transaction holds it from its count to its commit, so
     * counts and inserts of racing nodes take turns (one key: no two transactions can wait on each other).
     */
    private static final String ORDER_LIMITS_LOCK = "SELECT pg_advisory_xact_lock(hashtext(current_schema() || '/acme-order-limits'))";

    AcmeOrderCount ordersOfAccountSince(String accountId, Instant since) {
        return reads.run("count an account's recent ACME orders", c -> count(c, ACCOUNT_ORDERS, accountId, since));
    }

    AcmeOrderCount ordersOfDomainSince(String registeredDomain, Instant since) {
        return reads.run("count a domain's recent ACME orders", c -> count(c, DOMAIN_ORDERS, registeredDomain, since));
    }

    /**
     * Inside the write transaction of a new order: the first of {@code limits} it would go over. SQLite's
     * one writer already runs these transactions one at a time; on PostgreSQL, where writers run side by
     * side, the advisory lock makes them take turns until commit.
     */
    static Optional<AcmeOrderLimit.Reached> firstReached(Connection c, List<AcmeOrderLimit> limits) throws SQLException {
        if (limits.isEmpty()) {
            return Optional.empty();
        }
        if (c.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
            try (PreparedStatement ps = c.prepareStatement(ORDER_LIMITS_LOCK); ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
        }
        for (AcmeOrderLimit limit : limits) {
            AcmeOrderCount n = count(c, limit.scope() == AcmeOrderLimit.Scope.ACCOUNT ? ACCOUNT_ORDERS : DOMAIN_ORDERS, limit.key(),
                    limit.since());
            if (n.count() >= limit.max()) {
                return Optional.of(new AcmeOrderLimit.Reached(limit, n));
            }
        }
        return Optional.empty();
    }

    private static AcmeOrderCount count(Connection c, String sql, String key, Instant since) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            ps.setLong(2, Columns.micros(since));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long n = rs.getLong(1);
                long oldest = rs.getLong(2);
                return new AcmeOrderCount(n, rs.wasNull() ? Optional.empty() : Optional.of(Columns.instant(oldest)));
            }
        }
    }

    void createEabKey(AcmeEabKey key) {
        writer.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO acme_eab_keys (" + EAB_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, key.keyId());
                ps.setBytes(2, key.hmacKey());
                ps.setString(3, key.label());
                ps.setLong(4, Columns.micros(key.createdAt()));
                JdbcRows.setText(ps, 5, key.accountId());
                JdbcRows.setInstant(ps, 6, key.boundAt());
                JdbcRows.setInstant(ps, 7, key.revokedAt());
                ps.executeUpdate();
            }
            return null;
        });
    }

    Optional<AcmeEabKey> eabKey(String keyId) {
        return reads.run("read an External Account Binding key", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + EAB_COLUMNS + " FROM acme_eab_keys WHERE key_id = ?")) {
                ps.setString(1, keyId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(eabKey(rs)) : Optional.empty();
                }
            }
        });
    }

    List<AcmeEabKey> eabKeys() {
        return reads.run("list External Account Binding keys", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + EAB_COLUMNS + " FROM acme_eab_keys ORDER BY created_at DESC, key_id");
                    ResultSet rs = ps.executeQuery()) {
                List<AcmeEabKey> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(eabKey(rs));
                }
                return out;
            }
        });
    }

    boolean bindEabKey(String keyId, String accountId, Instant at) {
        long micros = Columns.micros(at);
        return writer.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE acme_eab_keys SET account_id = ?, bound_at = ? WHERE key_id = ? AND account_id IS NULL AND revoked_at IS NULL")) {
                ps.setString(1, accountId);
                ps.setLong(2, micros);
                ps.setString(3, keyId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    boolean revokeEabKey(String keyId, Instant at) {
        long micros = Columns.micros(at);
        return writer.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE acme_eab_keys SET revoked_at = ? WHERE key_id = ? AND revoked_at IS NULL")) {
                ps.setLong(1, micros);
                ps.setString(2, keyId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    void unbindEabKey(String keyId, String accountId) {
        writer.write(c -> JdbcRows.update(c, "UPDATE acme_eab_keys SET account_id = NULL, bound_at = NULL WHERE key_id = ? AND account_id = ?",
                keyId, accountId));
    }

    boolean claimReplacement(BigInteger serial, String orderId) {
        String column = Columns.serial(serial);
        return writer.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO acme_replacements (serial, order_id) VALUES (?, ?) ON CONFLICT (serial) DO NOTHING")) {
                ps.setString(1, column);
                ps.setString(2, orderId);
                ps.executeUpdate();
            }
            return replacement(c, column).map(orderId::equals).orElse(false);
        });
    }

    void releaseReplacement(BigInteger serial, String orderId) {
        String column = Columns.serial(serial);
        writer.write(c -> JdbcRows.update(c, "DELETE FROM acme_replacements WHERE serial = ? AND order_id = ?", column, orderId));
    }

    Optional<String> replacementOf(BigInteger serial) {
        String column = Columns.serial(serial);
        return reads.run("find the order that replaced a certificate", c -> replacement(c, column));
    }

    void pullRenewalForward(AcmeRenewalHint hint) {
        String column = Columns.serial(hint.serial());
        long since = Columns.micros(hint.since());
        writer.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO acme_renewal_hints (serial, since, explanation) VALUES (?, ?, ?)"
                    + " ON CONFLICT (serial) DO UPDATE SET since = excluded.since, explanation = excluded.explanation")) {
                ps.setString(1, column);
                ps.setLong(2, since);
                JdbcRows.setText(ps, 3, hint.explanation());
                ps.executeUpdate();
            }
            return null;
        });
    }

    Optional<AcmeRenewalHint> renewalHint(BigInteger serial) {
        String column = Columns.serial(serial);
        return reads.run("read the renewal hint of a certificate", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT since, explanation FROM acme_renewal_hints WHERE serial = ?")) {
                ps.setString(1, column);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new AcmeRenewalHint(serial, Columns.instant(rs.getLong(1)),
                            Optional.ofNullable(rs.getString(2)))) : Optional.empty();
                }
            }
        });
    }

    private static Optional<String> replacement(Connection c, String serialColumn) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT order_id FROM acme_replacements WHERE serial = ?")) {
            ps.setString(1, serialColumn);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static AcmeEabKey eabKey(ResultSet rs) throws SQLException {
        long bound = rs.getLong(6);
        Optional<Instant> boundAt = rs.wasNull() ? Optional.empty() : Optional.of(Columns.instant(bound));
        long revoked = rs.getLong(7);
        Optional<Instant> revokedAt = rs.wasNull() ? Optional.empty() : Optional.of(Columns.instant(revoked));
        return new AcmeEabKey(rs.getString(1), rs.getBytes(2), rs.getString(3), Columns.instant(rs.getLong(4)),
                Optional.ofNullable(rs.getString(5)), boundAt, revokedAt);
    }
}
