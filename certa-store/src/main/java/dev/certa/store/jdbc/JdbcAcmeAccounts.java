package dev.certa.store.jdbc;

import dev.certa.store.AcmeAccount;
import dev.certa.store.AcmeAccountLimit;
import dev.certa.store.AcmeOrderCount;
import dev.certa.store.AcmeStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code acme_accounts} rows of {@link JdbcAcmeLedger}: create, find, update, roll keys over, list.
 *
 * <p>Every ACME request reads its account by id. When no other process uses the database, the accounts
 * read are kept in memory ({@code remember}): every change to an account is made here, and forgets it.
 * A read that overlapped a change is not kept (a generation count, checked and bumped under one lock),
 * so a deactivated account or a rolled-over key is never served from memory.
 */
final class JdbcAcmeAccounts {
    private static final String ACCOUNT_COLUMNS = "id, key_thumbprint, jwk, contacts, status, created_at";
    private static final int REMEMBERED = 10_000;
    private final GroupCommitter writer;
    private final Reads reads;
    private final boolean remember;
    private final Map<String, AcmeAccount> byId = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private volatile long generation;

    JdbcAcmeAccounts(GroupCommitter writer, Reads reads, boolean remember) {
        this.writer = writer;
        this.reads = reads;
        this.remember = remember;
    }

    AcmeAccount create(AcmeAccount a) {
        return writer.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO acme_accounts (" + ACCOUNT_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key_thumbprint) DO NOTHING")) {
                ps.setString(1, a.id());
                ps.setString(2, a.keyThumbprint());
                ps.setString(3, a.jwk());
                ps.setString(4, Columns.names(a.contacts()));
                ps.setString(5, a.status().word());
                ps.setLong(6, Columns.micros(a.createdAt()));
                ps.executeUpdate();
            }
            return oneAccount(c, "key_thumbprint", a.keyThumbprint()).orElseThrow();
        });
    }

    /**
     * One lock per schema for every account limit: a transaction holds it from its count to its commit, so
     * counts and inserts of racing nodes take turns (SQLite's single writer needs none).
     */
    private static final String ACCOUNT_LIMITS_LOCK = "SELECT pg_advisory_xact_lock(hashtext(current_schema() || '/acme-account-limits'))";
    private static final String FROM_ADDRESS = "SELECT COUNT(*), MIN(created_at) FROM acme_account_origins"
            + " WHERE client_address = ? AND created_at >= ?";
    private static final String FROM_ANYWHERE = "SELECT COUNT(*), MIN(created_at) FROM acme_account_origins WHERE created_at >= ?";

    AcmeAccountLimit.Outcome create(AcmeAccount a, String clientAddress, List<AcmeAccountLimit> limits) {
        List<AcmeAccountLimit> checked = List.copyOf(limits);
        return writer.write(c -> {
            if (!checked.isEmpty() && c.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                try (PreparedStatement ps = c.prepareStatement(ACCOUNT_LIMITS_LOCK); ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
            Optional<AcmeAccount> existing = oneAccount(c, "key_thumbprint", a.keyThumbprint());
            if (existing.isPresent()) {
                return new AcmeAccountLimit.Stored(existing.get());
            }
            for (AcmeAccountLimit limit : checked) {
                AcmeOrderCount n = count(c, limit);
                if (n.count() >= limit.max()) {
                    return new AcmeAccountLimit.Reached(limit, n);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO acme_accounts (" + ACCOUNT_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key_thumbprint) DO NOTHING")) {
                ps.setString(1, a.id());
                ps.setString(2, a.keyThumbprint());
                ps.setString(3, a.jwk());
                ps.setString(4, Columns.names(a.contacts()));
                ps.setString(5, a.status().word());
                ps.setLong(6, Columns.micros(a.createdAt()));
                if (ps.executeUpdate() == 0) { // a racing request (without limits, on PostgreSQL) stored the key's account first
                    return new AcmeAccountLimit.Stored(oneAccount(c, "key_thumbprint", a.keyThumbprint()).orElseThrow());
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO acme_account_origins (account_id, client_address, created_at)"
                    + " VALUES (?, ?, ?)")) {
                ps.setString(1, a.id());
                ps.setString(2, clientAddress);
                ps.setLong(3, Columns.micros(a.createdAt()));
                ps.executeUpdate();
            }
            return new AcmeAccountLimit.Stored(a);
        });
    }

    private static AcmeOrderCount count(Connection c, AcmeAccountLimit limit) throws SQLException {
        boolean perAddress = limit.scope() == AcmeAccountLimit.Scope.CLIENT_ADDRESS;
        try (PreparedStatement ps = c.prepareStatement(perAddress ? FROM_ADDRESS : FROM_ANYWHERE)) {
            int i = 1;
            if (perAddress) {
                ps.setString(i++, limit.clientAddress().orElseThrow());
            }
            ps.setLong(i, Columns.micros(limit.since()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long n = rs.getLong(1);
                long oldest = rs.getLong(2);
                return new AcmeOrderCount(n, rs.wasNull() ? Optional.empty() : Optional.of(Columns.instant(oldest)));
            }
        }
    }

    Optional<AcmeAccount> find(String id) {
        if (!remember) {
            return reads.run("read an ACME account", c -> oneAccount(c, "id", id));
        }
        AcmeAccount known = byId.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        long before = generation;
        Optional<AcmeAccount> read = reads.run("read an ACME account", c -> oneAccount(c, "id", id));
        read.ifPresent(a -> {
            synchronized (lock) {
                if (generation == before) {
                    if (byId.size() >= REMEMBERED) {
                        byId.clear();
                    }
                    byId.put(id, a);
                }
            }
        });
        return read;
    }

    /** After a change to account {@code id} (made or not): reads from before it must not be kept. */
    private void forget(String id) {
        if (remember) {
            synchronized (lock) {
                generation++;
                byId.remove(id);
            }
        }
    }

    Optional<AcmeAccount> findByKey(String keyThumbprint) {
        return reads.run("find an ACME account by key", c -> oneAccount(c, "key_thumbprint", keyThumbprint));
    }

    boolean update(String id, List<String> contacts, AcmeStatus status) {
        String joined = Columns.names(contacts);
        try {
            return writer.write(c -> JdbcRows.update(c, "UPDATE acme_accounts SET contacts = ?, status = ? WHERE id = ?", joined,
                    status.word(), id) == 1);
        } finally {
            forget(id);
        }
    }

    boolean changeKey(String id, String oldThumbprint, String newThumbprint, String newJwk) {
        try {
            return changeKeyOnce(id, oldThumbprint, newThumbprint, newJwk);
        } finally {
            forget(id);
        }
    }

    private boolean changeKeyOnce(String id, String oldThumbprint, String newThumbprint, String newJwk) {
        return writer.write(c -> {
            // the unique index would refuse the update anyway; checking first keeps a shared batch from failing
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM acme_accounts WHERE key_thumbprint = ?")) {
                ps.setString(1, newThumbprint);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            return JdbcRows.update(c, "UPDATE acme_accounts SET key_thumbprint = ?, jwk = ? WHERE id = ? AND key_thumbprint = ?",
                    newThumbprint, newJwk, id, oldThumbprint) == 1;
        });
    }


    List<AcmeAccount> list(int limit, Optional<String> after) {
        return reads.run("list ACME accounts", c -> {
            String sql = "SELECT " + ACCOUNT_COLUMNS + " FROM acme_accounts"
                    + (after.isPresent() ? " WHERE (created_at, id) > (SELECT created_at, id FROM acme_accounts WHERE id = ?)" : "")
                    + " ORDER BY created_at, id LIMIT ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                if (after.isPresent()) {
                    ps.setString(i++, after.get());
                }
                ps.setInt(i, limit);
                List<AcmeAccount> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AcmeAccount(rs.getString(1), rs.getString(2), rs.getString(3),
                                Columns.names(rs.getString(4)), AcmeStatus.ofWord(rs.getString(5)), Columns.instant(rs.getLong(6))));
                    }
                }
                return out;
            }
        });
    }

    private static Optional<AcmeAccount> oneAccount(Connection c, String column, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ACCOUNT_COLUMNS + " FROM acme_accounts WHERE " + column + " = ?")) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new AcmeAccount(rs.getString(1), rs.getString(2), rs.getString(3),
                        Columns.names(rs.getString(4)), AcmeStatus.ofWord(rs.getString(5)), Columns.instant(rs.getLong(6))));
            }
        }
    }
}
