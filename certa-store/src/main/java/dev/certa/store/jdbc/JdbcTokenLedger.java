package dev.certa.store.jdbc;

import dev.certa.store.TokenLedger;
import java.sql.PreparedStatement;
import java.time.Instant;

/**
 * Used token ids over the shared schema. The primary key on (provisioner, token_id) decides: the
 * insert that creates the row wins, every other one (on any connection or node) inserts nothing.
 */
public final class JdbcTokenLedger implements TokenLedger {
    private final GroupCommitter writer;

    public JdbcTokenLedger(GroupCommitter writer) {
        this.writer = writer;
    }

    @Override
    public boolean markUsed(String provisioner, String tokenId, Instant expiresAt) {
        long expires = Columns.micros(expiresAt);
        return writer.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO used_tokens (provisioner, token_id, expires_at)"
                    + " VALUES (?, ?, ?) ON CONFLICT (provisioner, token_id) DO NOTHING")) {
                ps.setString(1, provisioner);
                ps.setString(2, tokenId);
                ps.setLong(3, expires);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public int purgeExpired(Instant now) {
        long cutoff = Columns.micros(now);
        return writer.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM used_tokens WHERE expires_at < ?")) {
                ps.setLong(1, cutoff);
                return ps.executeUpdate();
            }
        });
    }
}
