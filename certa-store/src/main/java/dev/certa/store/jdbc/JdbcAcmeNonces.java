package dev.certa.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;

/** The shared secrets and used nonces of {@link JdbcAcmeLedger} (the tables several nodes share nonces through). */
final class JdbcAcmeNonces {
    private final GroupCommitter writer;

    JdbcAcmeNonces(GroupCommitter writer) {
        this.writer = writer;
    }

    byte[] sharedSecret(String name, byte[] candidate) {
        return writer.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO acme_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
                ps.setString(1, name);
                ps.setBytes(2, candidate);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM acme_secrets WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBytes(1);
                }
            }
        });
    }

    boolean redeem(String nonceId, Instant expiresAt) {
        long expires = Columns.micros(expiresAt);
        return writer.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO acme_used_nonces (nonce_id, expires_at)"
                    + " VALUES (?, ?) ON CONFLICT (nonce_id) DO NOTHING")) {
                ps.setString(1, nonceId);
                ps.setLong(2, expires);
                return ps.executeUpdate() == 1;
            }
        });
    }

    int purge(Instant now) {
        long cutoff = Columns.micros(now);
        return writer.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM acme_used_nonces WHERE expires_at < ?")) {
                ps.setLong(1, cutoff);
                return ps.executeUpdate();
            }
        });
    }
}
