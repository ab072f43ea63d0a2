package dev.certa.store.jdbc;

import dev.certa.store.AcmeAccount;
import dev.certa.store.AcmeAuthorization;
import dev.certa.store.AcmeChallenge;
import dev.certa.store.AcmeEabKey;
import dev.certa.store.AcmeLedger;
import dev.certa.store.AcmeOrder;
import dev.certa.store.AcmeOrderCount;
import dev.certa.store.AcmeRenewalHint;
import dev.certa.store.AcmeStalledChallenge;
import dev.certa.store.AcmeStatus;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * ACME state over the shared schema. Every change is one statement whose {@code WHERE status = ?}
 * (or primary key) decides between racing nodes; creations go through the group committer like
 * every other write.
 */
public final class JdbcAcmeLedger implements AcmeLedger {
    private static final String ORDER_COLUMNS = "id, account_id, status, identifiers, authorization_ids, expires_at, error,"
            + " certificate_serial, created_at, profile, replaces, not_after";
    private static final String CHALLENGE_COLUMNS = "id, authorization_id, type, token, status, validated_at, error";

    private final GroupCommitter writer;
    private final Reads reads;
    private final JdbcAcmeExtensions extensions;
    private final JdbcAcmeValidationStarts starts;
    private final JdbcAcmeAccounts accounts;
    private final JdbcAcmeNonces nonces;
    private final KeptAcmeRows kept;

    /**
     * @param sharedByNodes whether other processes use the database (else accounts, and orders and
     *     authorizations when one thread writes, read are kept in memory: {@link KeptAcmeRows})
     */
    public JdbcAcmeLedger(GroupCommitter writer, Reads reads, boolean sharedByNodes) {
        this.writer = writer;
        this.reads = reads;
        this.kept = !sharedByNodes && writer.inCommitOrder() ? KeptAcmeRows.on() : KeptAcmeRows.off();
        this.extensions = new JdbcAcmeExtensions(writer, reads);
        this.starts = new JdbcAcmeValidationStarts(writer, reads, kept);
        this.accounts = new JdbcAcmeAccounts(writer, reads, !sharedByNodes);
        this.nonces = new JdbcAcmeNonces(writer);
    }

    @Override
    public AcmeAccount createAccount(AcmeAccount a) {
        return accounts.create(a);
    }

    @Override
    public Optional<AcmeAccount> account(String id) {
        return accounts.find(id);
    }

    @Override
    public Optional<AcmeAccount> accountByKey(String keyThumbprint) {
        return accounts.findByKey(keyThumbprint);
    }

    @Override
    public boolean updateAccount(String id, List<String> contacts, AcmeStatus status) {
        return accounts.update(id, contacts, status);
    }

    @Override
    public boolean changeKey(String id, String oldThumbprint, String newThumbprint, String newJwk) {
        return accounts.changeKey(id, oldThumbprint, newThumbprint, newJwk);
    }
    @Override
    public void createOrder(AcmeOrder o, List<AcmeAuthorization> authorizations, Set<String> registeredDomains) {
        keeping(false, c -> {
            for (String domain : registeredDomains) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO acme_order_domains (domain, created_at, order_id) VALUES (?, ?, ?)")) {
                    ps.setString(1, domain);
                    ps.setLong(2, Columns.micros(o.createdAt()));
                    ps.setString(3, o.id());
                    ps.executeUpdate();
                }
            }
            for (AcmeAuthorization a : authorizations) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO acme_authorizations (id, account_id, identifier,"
                        + " status, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, a.id());
                    ps.setString(2, a.accountId());
                    ps.setString(3, a.identifier());
                    ps.setString(4, a.status().word());
                    ps.setLong(5, Columns.micros(a.expiresAt()));
                    ps.setLong(6, Columns.micros(a.createdAt()));
                    ps.executeUpdate();
                }
                int position = 0;
                for (AcmeChallenge ch : a.challenges()) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO acme_challenges (id, authorization_id,"
                            + " position, type, token, status, validated_at, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                        ps.setString(1, ch.id());
                        ps.setString(2, a.id());
                        ps.setInt(3, position++);
                        ps.setString(4, ch.type());
                        ps.setString(5, ch.token());
                        ps.setString(6, ch.status().word());
                        setInstant(ps, 7, ch.validatedAt());
                        setText(ps, 8, ch.error());
                        ps.executeUpdate();
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO acme_orders (" + ORDER_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, o.id());
                ps.setString(2, o.accountId());
                ps.setString(3, o.status().word());
                ps.setString(4, Columns.names(o.identifiers()));
                ps.setString(5, Columns.names(o.authorizationIds()));
                ps.setLong(6, Columns.micros(o.expiresAt()));
                setText(ps, 7, o.error());
                setText(ps, 8, o.certificateSerial().map(Columns::serial));
                ps.setLong(9, Columns.micros(o.createdAt()));
                ps.setString(10, o.profile());
                setText(ps, 11, o.replaces());
                setInstant(ps, 12, o.notAfter());
                ps.executeUpdate();
            }
            return null;
        }, nothing -> kept.created(o, authorizations)); // the client reads them next
    }

    @Override
    public AcmeOrderCount ordersOfAccountSince(String accountId, Instant since) {
        return extensions.ordersOfAccountSince(accountId, since);
    }

    @Override
    public AcmeOrderCount ordersOfDomainSince(String registeredDomain, Instant since) {
        return extensions.ordersOfDomainSince(registeredDomain, since);
    }

    @Override
    public Optional<AcmeOrder> order(String id) {
        return kept.order(id, () -> reads.run("read an ACME order",
                c -> oneRow(c, "SELECT " + ORDER_COLUMNS + " FROM acme_orders WHERE id = ?", id, JdbcAcmeLedger::order)));
    }

    @Override
    public boolean updateOrder(String id, AcmeStatus expected, AcmeStatus status, Optional<String> error,
            Optional<BigInteger> certificateSerial) {
        SqlWork<Boolean> work = c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE acme_orders SET status = ?,"
                    + " error = COALESCE(?, error), certificate_serial = COALESCE(?, certificate_serial)"
                    + " WHERE id = ? AND status = ?")) {
                ps.setString(1, status.word());
                setText(ps, 2, error);
                setText(ps, 3, certificateSerial.map(Columns::serial));
                ps.setString(4, id);
                ps.setString(5, expected.word());
                return ps.executeUpdate() == 1;
            }
        };
        // to processing: a guard against finalizing twice, made durable by the certificate that follows
        return keeping(status == AcmeStatus.PROCESSING, work, moved -> {
            if (moved) {
                kept.orderChanged(id, status, error, certificateSerial);
            }
        });
    }

    /** A write whose committed change is then applied to what {@link #kept} holds (all of which is forgotten if it fails). */
    private <T> T keeping(boolean relaxed, SqlWork<T> work, java.util.function.Consumer<T> committed) {
        try {
            return writer.write(work, relaxed, committed);
        } catch (RuntimeException e) {
            kept.forgetAll();
            throw e;
        }
    }

    @Override
    public Optional<AcmeAuthorization> authorization(String id) {
        return kept.authorization(id, () -> authorizationWhere("a.id = ?", id));
    }

    @Override
    public Optional<AcmeAuthorization> authorizationOfChallenge(String challengeId) {
        Optional<String> known = kept.authorizationIdOf(challengeId);
        if (known.isPresent()) {
            return authorization(known.get());
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

    @Override
    public boolean updateAuthorization(String id, AcmeStatus expected, AcmeStatus status) {
        return keeping(false, c -> update(c, "UPDATE acme_authorizations SET status = ? WHERE id = ? AND status = ?",
                status.word(), id, expected.word()) == 1, moved -> {
                    if (moved) {
                        kept.authorizationChanged(id, status, Optional.empty());
                    }
                });
    }

    @Override
    public boolean validateAuthorization(String id, Instant expiresAt) {
        return keeping(true, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE acme_authorizations SET status = ?, expires_at = ? WHERE id = ? AND status = ?")) {
                ps.setString(1, AcmeStatus.VALID.word());
                ps.setLong(2, Columns.micros(expiresAt));
                ps.setString(3, id);
                ps.setString(4, AcmeStatus.PENDING.word());
                return ps.executeUpdate() == 1;
            }
        }, moved -> {
            if (moved) {
                kept.authorizationChanged(id, AcmeStatus.VALID, Optional.of(expiresAt));
            }
        });
    }

    @Override
    public boolean validateChallenge(String challengeId, String authorizationId, Instant at, Instant authorizationExpiresAt) {
        // 0: the challenge had moved already; 1: the challenge moved; 2: and its authorization too
        int moved = keeping(true, c -> {
            try (PreparedStatement ch = c.prepareStatement("UPDATE acme_challenges SET status = ?, validated_at = ? WHERE id = ? AND status = ?")) {
                ch.setString(1, AcmeStatus.VALID.word());
                ch.setLong(2, Columns.micros(at));
                ch.setString(3, challengeId);
                ch.setString(4, AcmeStatus.PROCESSING.word());
                if (ch.executeUpdate() != 1) {
                    return 0;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE acme_authorizations SET status = ?, expires_at = ? WHERE id = ? AND status = ?")) {
                ps.setString(1, AcmeStatus.VALID.word());
                ps.setLong(2, Columns.micros(authorizationExpiresAt));
                ps.setString(3, authorizationId);
                ps.setString(4, AcmeStatus.PENDING.word());
                return ps.executeUpdate() == 1 ? 2 : 1;
            }
        }, m -> {
            if (m > 0) {
                kept.challengeChanged(challengeId, AcmeStatus.VALID, Optional.of(at), Optional.empty());
            }
            if (m > 1) {
                kept.authorizationChanged(authorizationId, AcmeStatus.VALID, Optional.of(authorizationExpiresAt));
            }
        });
        return moved > 0;
    }

    @Override
    public Optional<AcmeAuthorization> reusableAuthorization(String accountId, String identifier, Instant until) {
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
        return id.flatMap(this::authorization);
    }

    @Override
    public Optional<AcmeChallenge> challenge(String id) {
        return reads.run("read an ACME challenge",
                c -> oneRow(c, "SELECT " + CHALLENGE_COLUMNS + " FROM acme_challenges WHERE id = ?", id, JdbcAcmeLedger::challenge));
    }

    @Override
    public boolean updateChallenge(String id, AcmeStatus expected, AcmeStatus status, Optional<Instant> validatedAt,
            Optional<String> error) {
        return keeping(true, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE acme_challenges SET status = ?,"
                    + " validated_at = COALESCE(?, validated_at), error = COALESCE(?, error) WHERE id = ? AND status = ?")) {
                ps.setString(1, status.word());
                setInstant(ps, 2, validatedAt);
                setText(ps, 3, error);
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

    @Override
    public boolean startChallenge(String id, Instant at) {
        return starts.start(id, at);
    }

    @Override
    public List<AcmeStalledChallenge> stalledChallenges(Instant startedBefore, int limit) {
        return starts.stalled(startedBefore, limit);
    }

    @Override
    public boolean takeOverChallenge(AcmeStalledChallenge stalled, Instant at) {
        return starts.takeOver(stalled, at);
    }

    @Override
    public byte[] sharedSecret(String name, byte[] candidate) {
        return nonces.sharedSecret(name, candidate);
    }

    @Override
    public boolean redeemNonce(String nonceId, Instant expiresAt) {
        return nonces.redeem(nonceId, expiresAt);
    }

    @Override
    public int purgeNonces(Instant now) {
        return nonces.purge(now);
    }

    @Override
    public Optional<String> accountOfCertificate(BigInteger serial) {
        String column = Columns.serial(serial);
        return reads.run("find the ACME account of a certificate", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT account_id FROM acme_orders WHERE certificate_serial = ?")) {
                ps.setString(1, column);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void createEabKey(AcmeEabKey key) {
        extensions.createEabKey(key);
    }

    @Override
    public Optional<AcmeEabKey> eabKey(String keyId) {
        return extensions.eabKey(keyId);
    }

    @Override
    public List<AcmeEabKey> eabKeys() {
        return extensions.eabKeys();
    }

    @Override
    public boolean bindEabKey(String keyId, String accountId, Instant at) {
        return extensions.bindEabKey(keyId, accountId, at);
    }

    @Override
    public void unbindEabKey(String keyId, String accountId) {
        extensions.unbindEabKey(keyId, accountId);
    }

    @Override
    public boolean claimReplacement(BigInteger serial, String orderId) {
        return extensions.claimReplacement(serial, orderId);
    }

    @Override
    public void releaseReplacement(BigInteger serial, String orderId) {
        extensions.releaseReplacement(serial, orderId);
    }

    @Override
    public Optional<String> replacementOf(BigInteger serial) {
        return extensions.replacementOf(serial);
    }

    @Override
    public void pullRenewalForward(AcmeRenewalHint hint) {
        extensions.pullRenewalForward(hint);
    }

    @Override
    public Optional<AcmeRenewalHint> renewalHint(BigInteger serial) {
        return extensions.renewalHint(serial);
    }

    @Override
    public List<AcmeAccount> accounts(int limit, Optional<String> after) {
        return accounts.list(limit, after);
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

    private static AcmeOrder order(ResultSet rs) throws SQLException {
        long notAfter = rs.getLong(12);
        Optional<Instant> requestedNotAfter = rs.wasNull() ? Optional.empty() : Optional.of(Columns.instant(notAfter));
        return new AcmeOrder(rs.getString(1), rs.getString(2), AcmeStatus.ofWord(rs.getString(3)),
                Columns.names(rs.getString(4)), Columns.names(rs.getString(5)), Columns.instant(rs.getLong(6)),
                Optional.ofNullable(rs.getString(7)), Optional.ofNullable(rs.getString(8)).map(Columns::serial),
                Columns.instant(rs.getLong(9)), rs.getString(10), Optional.ofNullable(rs.getString(11)), requestedNotAfter);
    }


    /** Reads one row of a result set. */
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** The row {@code sql} selects with its one parameter bound to {@code id}, read by {@code reader}; empty when none. */
    static <T> Optional<T> oneRow(Connection c, String sql, String id, RowReader<T> reader) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(reader.read(rs)) : Optional.empty();
            }
        }
    }

    static int update(Connection c, String sql, String... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setString(i + 1, values[i]);
            }
            return ps.executeUpdate();
        }
    }

    static void setText(PreparedStatement ps, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            ps.setString(index, value.get());
        } else {
            ps.setNull(index, Types.VARCHAR);
        }
    }

    static void setInstant(PreparedStatement ps, int index, Optional<Instant> value) throws SQLException {
        if (value.isPresent()) {
            ps.setLong(index, Columns.micros(value.get()));
        } else {
            ps.setNull(index, Types.BIGINT);
        }
    }
}
