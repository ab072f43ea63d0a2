package dev.certa.store.jdbc;

import dev.certa.store.AcmeAuthorization;
import dev.certa.store.AcmeChallenge;
import dev.certa.store.AcmeStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code acme_authorizations} and {@code acme_challenges} rows of {@link JdbcAcmeLedger}: read
 * together, changed by compare-and-set statements, and kept in memory when no other process uses the
 * database ({@link KeptAcmeRows}).
 */
final class JdbcAcmeAuthorizations {
    private static final String CHALLENGE_COLUMNS = "id, authorization_id, type, token, status, validated_at, error";
    private final GroupCommitter writer;
    private final Reads reads;
    private final KeptAcmeRows kept;

    JdbcAcmeAuthorizations(GroupCommitter writer, Reads reads, KeptAcmeRows kept) {
        this.writer = writer;
        this.reads = reads;
        this.kept = kept;
    }

    Optional<AcmeAuthorization> find(String id) {
        return kept.authorization(id, () -> authorizationWhere("a.id = ?", id));
    }

    Optional<AcmeAuthorization> ofChallenge(String challengeId) {
        Optional<String> known = kept.authorizationIdOf(challengeId);
        if (known.isPresent()) {
            return find(known.get());
        }
        long before = kept.generation();
        return kept.keep(before, authorizationWhere("a.id = (SELECT authorization_id FROM acme_challenges WHERE id = ?)", challengeId));
    }

    /** One statement, so the authorization and its challenges come from one snapshot (and SQLite starts one read transaction, not two). */
    private Optional<AcmeAuthorization> authorizationWhere(String where, String key) {
        return reads.run("read an ACME authorization", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT a.id, a.account_id, a.identifier, a.status, a.expires_at,"
                    + " a.created_at, c.id, c.authorization_id, c.type, c.token, c.status, c.validated_at, c.error"
                    + " FROM acme_authorizations a LEFT JOIN acme_challenges c ON c.authorization_id = a.id"
                    + " WHERE " + where + " ORDER BY c.position")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    String id = rs.getString(1);
                    String accountId = rs.getString(2);
                    String identifier = rs.getString(3);
                    AcmeStatus status = AcmeStatus.ofWord(rs.getString(4));
                    Instant expires = Columns.instant(rs.getLong(5));
                    Instant created = Columns.instant(rs.getLong(6));
                    List<AcmeChallenge> challenges = new ArrayList<>();
                    do {
                        if (rs.getString(7) != null) {
                            challenges.add(challenge(rs, 7));
                        }
                    } while (rs.next());
                    return Optional.of(new AcmeAuthorization(id, accountId, identifier, status, expires, created, challenges));
                }
            }
        });
    }

    boolean update(String id, AcmeStatus expected, AcmeStatus status) {
        return kept.write(writer, false, c -> JdbcRows.update(c, "UPDATE acme_authorizations SET status = ? WHERE id = ? AND status = ?",
                status.word(), id, expected.word()) == 1, moved -> {
                    if (moved) {
                        kept.authorizationChanged(id, status, Optional.empty());
                    }
                });
    }

    boolean validate(String id, Instant expiresAt) {
        return kept.write(writer, true, c -> pendingToValid(c, id, expiresAt), moved -> {
            if (moved) {
                kept.authorizationChanged(id, AcmeStatus.VALID, Optional.of(expiresAt));
            }
        });
    }

    private static boolean pendingToValid(Connection c, String id, Instant expiresAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE acme_authorizations SET status = ?, expires_at = ? WHERE id = ? AND status = ?")) {
            ps.setString(1, AcmeStatus.VALID.word());
            ps.setLong(2, Columns.micros(expiresAt));
            ps.setString(3, id);
            ps.setString(4, AcmeStatus.PENDING.word());
            return ps.executeUpdate() == 1;
        }
    }

    boolean validateChallenge(String challengeId, String authorizationId, Instant at, Instant authorizationExpiresAt) {
        // 0: the challenge had moved already; 1: the challenge moved; 2: and its authorization too
        int moved = kept.write(writer, true, c -> {
            try (PreparedStatement ch = c.prepareStatement("UPDATE acme_challenges SET status = ?, validated_at = ? WHERE id = ? AND status = ?")) {
                ch.setString(1, AcmeStatus.VALID.word());
                ch.setLong(2, Columns.micros(at));
                ch.setString(3, challengeId);
                ch.setString(4, AcmeStatus.PROCESSING.word());
                if (ch.executeUpdate() != 1) {
                    return 0;
                }
            }
            return pendingToValid(c, authorizationId, authorizationExpiresAt) ? 2 : 1;
        }, m -> kept.together(() -> {
            if (m > 0) {
                kept.challengeChanged(challengeId, AcmeStatus.VALID, Optional.of(at), Optional.empty());
            }
            if (m > 1) {
                kept.authorizationChanged(authorizationId, AcmeStatus.VALID, Optional.of(authorizationExpiresAt));
            }
        }));
        return moved > 0;
    }

    Optional<AcmeAuthorization> reusable(String accountId, String identifier, Instant until) {
        Optional<String> id = reads.run("find a reusable ACME authorization", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM acme_authorizations"
                    + " WHERE account_id = ? AND identifier = ? AND status = ? AND expires_at >= ?"
                    + " ORDER BY expires_at DESC LIMIT 1")) {
                ps.setString(1, accountId);
                ps.setString(2, identifier);
                ps.setString(3, AcmeStatus.VALID.word());
                ps.setLong(4, Columns.micros(until));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
        return id.flatMap(this::find);
    }

    Optional<AcmeChallenge> challenge(String id) {
        return reads.run("read an ACME challenge",
                c -> JdbcRows.oneRow(c, "SELECT " + CHALLENGE_COLUMNS + " FROM acme_challenges WHERE id = ?", id, JdbcAcmeAuthorizations::challenge));
    }

    boolean updateChallenge(String id, AcmeStatus expected, AcmeStatus status, Optional<Instant> validatedAt,
            Optional<String> error) {
        return kept.write(writer, true, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE acme_challenges SET status = ?,"
                    + " validated_at = COALESCE(?, validated_at), error = COALESCE(?, error) WHERE id = ? AND status = ?")) {
                ps.setString(1, status.word());
                JdbcRows.setInstant(ps, 2, validatedAt);
                JdbcRows.setText(ps, 3, error);
                ps.setString(4, id);
                ps.setString(5, expected.word());
                return ps.executeUpdate() == 1;
            }
        }, moved -> {
            if (moved) {
                kept.challengeChanged(id, status, validatedAt, error);
            }
        });
    }

    private static AcmeChallenge challenge(ResultSet rs) throws SQLException {
        return challenge(rs, 1);
    }

    /** The challenge in {@link #CHALLENGE_COLUMNS} order from column {@code first} on. */
    private static AcmeChallenge challenge(ResultSet rs, int first) throws SQLException {
        long validated = rs.getLong(first + 5);
        Optional<Instant> validatedAt = rs.wasNull() ? Optional.empty() : Optional.of(Columns.instant(validated));
        return new AcmeChallenge(rs.getString(first), rs.getString(first + 1), rs.getString(first + 2), rs.getString(first + 3),
                AcmeStatus.ofWord(rs.getString(first + 4)), validatedAt, Optional.ofNullable(rs.getString(first + 6)));
    }
}
