package dev.certa.store.jdbc;

import dev.certa.store.AcmeAccount;
import dev.certa.store.AcmeStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code acme_accounts} rows of {@link JdbcAcmeLedger}: create, find, update, roll keys over, list. */
final class JdbcAcmeAccounts {
    private static final String ACCOUNT_COLUMNS = "id, key_thumbprint, jwk, contacts, status, created_at";
    private final GroupCommitter writer;
    private final Reads reads;

    JdbcAcmeAccounts(GroupCommitter writer, Reads reads) {
        this.writer = writer;
        this.reads = reads;
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

    Optional<AcmeAccount> find(String id) {
        return reads.run("read an ACME account", c -> oneAccount(c, "id", id));
    }

    Optional<AcmeAccount> findByKey(String keyThumbprint) {
        return reads.run("find an ACME account by key", c -> oneAccount(c, "key_thumbprint", keyThumbprint));
    }

    boolean update(String id, List<String> contacts, AcmeStatus status) {
        String joined = Columns.names(contacts);
        return writer.write(c -> JdbcAcmeLedger.update(c, "UPDATE acme_accounts SET contacts = ?, status = ? WHERE id = ?", joined,
                status.word(), id) == 1);
    }

    boolean changeKey(String id, String oldThumbprint, String newThumbprint, String newJwk) {
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
            return JdbcAcmeLedger.update(c, "UPDATE acme_accounts SET key_thumbprint = ?, jwk = ? WHERE id = ? AND key_thumbprint = ?",
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
