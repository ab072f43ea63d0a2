package dev.certa.store.jdbc;

import dev.certa.store.AcmeAccount;
import dev.certa.store.AcmeAccountLimit;
import dev.certa.store.AcmeAuthorization;
import dev.certa.store.AcmeChallenge;
import dev.certa.store.AcmeEabKey;
import dev.certa.store.AcmeLedger;
import dev.certa.store.AcmeOrder;
import dev.certa.store.AcmeOrderCount;
import dev.certa.store.AcmeOrderLimit;
import dev.certa.store.AcmeRenewalHint;
import dev.certa.store.AcmeStalledChallenge;
import dev.certa.store.AcmeStatus;
import dev.certa.store.DuplicateSerialException;
import dev.certa.store.IssuedCertificateRecord;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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

    private final GroupCommitter writer;
    private final Reads reads;
    private final JdbcAcmeExtensions extensions;
    private final JdbcAcmeValidationStarts starts;
    private final JdbcAcmeAccounts accounts;
    private final JdbcAcmeNonces nonces;
    private final KeptAcmeRows kept;
    private final JdbcAcmeAuthorizations authorizations;
    private final JdbcAcmeFinalizations finalizations;

    /**
     * @param sharedByNodes whether other processes use the database (else accounts, and orders and
     *     authorizations when one thread writes, read are kept in memory: {@link KeptAcmeRows})
     */
    public JdbcAcmeLedger(GroupCommitter writer, Reads reads, boolean sharedByNodes) {
        this.writer = writer;
        this.reads = reads;
        this.kept = !sharedByNodes && writer.inCommitOrder() ? KeptAcmeRows.on() : KeptAcmeRows.off();
        writer.onFailedTransaction(kept::forgetAll);
        this.extensions = new JdbcAcmeExtensions(writer, reads);
        this.starts = new JdbcAcmeValidationStarts(writer, reads, kept);
        this.authorizations = new JdbcAcmeAuthorizations(writer, reads, kept);
        this.finalizations = new JdbcAcmeFinalizations(writer, reads, kept);
        this.accounts = new JdbcAcmeAccounts(writer, reads, !sharedByNodes);
        this.nonces = new JdbcAcmeNonces(writer);
    }

    @Override
    public AcmeAccount createAccount(AcmeAccount a) {
        return accounts.create(a);
    }

    @Override
    public AcmeAccountLimit.Outcome createAccount(AcmeAccount a, String clientAddress, List<AcmeAccountLimit> limits) {
        return accounts.create(a, clientAddress, limits);
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
    public Optional<AcmeOrderLimit.Reached> createOrder(AcmeOrder o, List<AcmeAuthorization> authorizations, Set<String> registeredDomains,
            List<AcmeOrderLimit> limits) {
        List<AcmeOrderLimit> checked = List.copyOf(limits);
        return kept.write(writer, false, c -> {
            Optional<AcmeOrderLimit.Reached> over = JdbcAcmeExtensions.firstReached(c, checked);
            if (over.isPresent()) {
                return over;
            }
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
                        JdbcRows.setInstant(ps, 7, ch.validatedAt());
                        JdbcRows.setText(ps, 8, ch.error());
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
                JdbcRows.setText(ps, 7, o.error());
                JdbcRows.setText(ps, 8, o.certificateSerial().map(Columns::serial));
                ps.setLong(9, Columns.micros(o.createdAt()));
                ps.setString(10, o.profile());
                JdbcRows.setText(ps, 11, o.replaces());
                JdbcRows.setInstant(ps, 12, o.notAfter());
                ps.executeUpdate();
            }
            return Optional.<AcmeOrderLimit.Reached>empty();
        }, over -> {
            if (over.isEmpty()) {
                kept.created(o, authorizations); // the client reads them next
            }
        });
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
                c -> JdbcRows.oneRow(c, "SELECT " + ORDER_COLUMNS + " FROM acme_orders WHERE id = ?", id, JdbcAcmeLedger::order)));
    }

    @Override
    public boolean updateOrder(String id, AcmeStatus expected, AcmeStatus status, Optional<String> error,
            Optional<BigInteger> certificateSerial) {
        SqlWork<Boolean> work = c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE acme_orders SET status = ?,"
                    + " error = COALESCE(?, error), certificate_serial = COALESCE(?, certificate_serial)"
                    + " WHERE id = ? AND status = ?")) {
                ps.setString(1, status.word());
                JdbcRows.setText(ps, 2, error);
                JdbcRows.setText(ps, 3, certificateSerial.map(Columns::serial));
                ps.setString(4, id);
                ps.setString(5, expected.word());
                return ps.executeUpdate() == 1;
            }
        };
        // to processing: a guard against finalizing twice, made durable by the certificate that follows
        return kept.write(writer, status == AcmeStatus.PROCESSING, work, moved -> {
            if (moved) {
                kept.orderChanged(id, status, error, certificateSerial);
            }
        });
    }

    @Override
    public boolean startFinalizing(String orderId, Instant at) {
        return finalizations.start(orderId, at);
    }

    @Override
    public boolean finishOrder(String orderId, IssuedCertificateRecord certificate) throws DuplicateSerialException {
        return finalizations.finish(orderId, certificate);
    }

    @Override
    public boolean failOrder(String orderId, String error) {
        return finalizations.fail(orderId, error);
    }

    @Override
    public List<String> stalledOrders(Instant startedBefore, int limit) {
        return finalizations.stalled(startedBefore, limit);
    }

    @Override
    public Optional<AcmeAuthorization> authorization(String id) {
        return authorizations.find(id);
    }

    @Override
    public Optional<AcmeAuthorization> authorizationOfChallenge(String challengeId) {
        return authorizations.ofChallenge(challengeId);
    }

    @Override
    public boolean updateAuthorization(String id, AcmeStatus expected, AcmeStatus status) {
        return authorizations.update(id, expected, status);
    }

    @Override
    public boolean validateAuthorization(String id, Instant expiresAt) {
        return authorizations.validate(id, expiresAt);
    }

    @Override
    public boolean validateChallenge(String challengeId, String authorizationId, Instant at, Instant authorizationExpiresAt) {
        return authorizations.validateChallenge(challengeId, authorizationId, at, authorizationExpiresAt);
    }

    @Override
    public Optional<AcmeAuthorization> reusableAuthorization(String accountId, String identifier, Instant until) {
        return authorizations.reusable(accountId, identifier, until);
    }

    @Override
    public Optional<AcmeChallenge> challenge(String id) {
        return authorizations.challenge(id);
    }

    @Override
    public boolean updateChallenge(String id, AcmeStatus expected, AcmeStatus status, Optional<Instant> validatedAt,
            Optional<String> error) {
        return authorizations.updateChallenge(id, expected, status, validatedAt, error);
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
    public boolean revokeEabKey(String keyId, Instant at) {
        return extensions.revokeEabKey(keyId, at);
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

    private static AcmeOrder order(ResultSet rs) throws SQLException {
        long notAfter = rs.getLong(12);
        Optional<Instant> requestedNotAfter = rs.wasNull() ? Optional.empty() : Optional.of(Columns.instant(notAfter));
        return new AcmeOrder(rs.getString(1), rs.getString(2), AcmeStatus.ofWord(rs.getString(3)),
                Columns.names(rs.getString(4)), Columns.names(rs.getString(5)), Columns.instant(rs.getLong(6)),
                Optional.ofNullable(rs.getString(7)), Optional.ofNullable(rs.getString(8)).map(Columns::serial),
                Columns.instant(rs.getLong(9)), rs.getString(10), Optional.ofNullable(rs.getString(11)), requestedNotAfter);
    }
}
