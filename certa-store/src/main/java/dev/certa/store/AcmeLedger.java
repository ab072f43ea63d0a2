package dev.certa.store;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The ACME server's state, shared by every node: accounts, orders, authorizations, challenges, and
 * the nonces already used. State changes are compare-and-set on the status, so two nodes racing on
 * the same object (a challenge answered twice, an order finalized twice) cannot both win.
 *
 * <p>Durability. Every change is in the database when its method returns, and survives the process
 * being killed. Most are also on disk by then; the steps of a validation ({@link #startChallenge},
 * {@link #updateChallenge}, {@link #validateAuthorization}, {@link #takeOverChallenge}) and an order's move
 * to processing ({@link #updateOrder} to {@code PROCESSING}) may reach the disk with the next change that
 * must: a power loss in between undoes them, and the client, finding its challenge or order as it was
 * before, asks again. Commits stay in order, so they are on disk before any certificate issued after them.
 */
public interface AcmeLedger {

    /**
     * Stores a new account unless one with the same key exists; returns the account that is stored
     * for that key (the new one, or the existing one).
     */
    AcmeAccount createAccount(AcmeAccount account);

    /**
     * Stores a new account as {@link #createAccount(AcmeAccount)} does, recording that it came from
     * {@code clientAddress}, unless it would go over one of {@code limits}. When the key already has an
     * account, that one is returned and nothing is counted. Counting and storing are one step, atomic across
     * requests and nodes (SQLite's single writer; on PostgreSQL a transaction-scoped advisory lock), so N
     * racing requests under a limit of N all get in and the next one does not.
     *
     * @param clientAddress what the per-address limits count by (an IPv4 address, an IPv6 /64 prefix)
     */
    AcmeAccountLimit.Outcome createAccount(AcmeAccount account, String clientAddress, List<AcmeAccountLimit> limits);

    Optional<AcmeAccount> account(String id);

    Optional<AcmeAccount> accountByKey(String keyThumbprint);

    /** Up to {@code limit} accounts in the order they were created, after the account {@code after} if given. */
    List<AcmeAccount> accounts(int limit, Optional<String> after);

    /** Replaces contacts and status; false when there is no such account. */
    boolean updateAccount(String id, List<String> contacts, AcmeStatus status);

    /**
     * Replaces the key of an account whose key is still {@code oldThumbprint} (key rollover); false
     * when it changed meanwhile or another account already has the new key.
     */
    boolean changeKey(String id, String oldThumbprint, String newThumbprint, String newJwk);

    /**
     * Stores an order with its (new) authorizations and their challenges, in one transaction.
     *
     * @param registeredDomains the registered domains it names, counted by {@link #ordersOfDomainSince}
     */
    default void createOrder(AcmeOrder order, List<AcmeAuthorization> authorizations, Set<String> registeredDomains) {
        createOrder(order, authorizations, registeredDomains, List.of());
    }

    /**
     * Stores a new order as {@link #createOrder(AcmeOrder, List, Set)} does, unless it would go over one of
     * {@code limits}: counting and storing are one step, atomic across requests and nodes (SQLite's single
     * writer; on PostgreSQL a transaction-scoped advisory lock), so N racing requests under a limit of N
     * all get in and the next one does not.
     *
     * @return the first limit the order would have gone over (nothing stored); empty when it was stored
     */
    Optional<AcmeOrderLimit.Reached> createOrder(AcmeOrder order, List<AcmeAuthorization> authorizations, Set<String> registeredDomains,
            List<AcmeOrderLimit> limits);

    /** How many orders an account created since {@code since}, and when the oldest of them was. */
    AcmeOrderCount ordersOfAccountSince(String accountId, Instant since);

    /** How many orders named the registered domain since {@code since}, and when the oldest of them was. */
    AcmeOrderCount ordersOfDomainSince(String registeredDomain, Instant since);

    Optional<AcmeOrder> order(String id);

    /**
     * Moves an order from {@code expected} to {@code status}, setting the error or the certificate's
     * serial when given; false when its status was no longer {@code expected}.
     */
    boolean updateOrder(String id, AcmeStatus expected, AcmeStatus status, Optional<String> error,
            Optional<BigInteger> certificateSerial);

    /**
     * Moves a pending order to processing, recording that its finalization started {@code at}; false when
     * it had moved already (another request, on any node, finalizes it).
     */
    boolean startFinalizing(String orderId, Instant at);

    /**
     * The end of a finalization, in one transaction: the certificate is recorded and the processing order
     * becomes valid with its serial. False, recording nothing, when the order was no longer processing (a
     * sweep failed it): the certificate must then be discarded, never returned.
     *
     * @throws DuplicateSerialException when the serial is already recorded (nothing changed)
     */
    boolean finishOrder(String orderId, IssuedCertificateRecord certificate) throws DuplicateSerialException;

    /**
     * A finalization's failure, in one transaction: the processing order becomes invalid with {@code error}
     * (an RFC 8555 problem document) and the certificate it claimed to replace ({@link #claimReplacement})
     * is released. False, and nothing changed, when the order was no longer processing.
     */
    boolean failOrder(String orderId, String error);

    /**
     * Orders processing since before {@code startedBefore} (or since before certa recorded when), at most
     * {@code limit} of them: finalizations whose node may have died.
     */
    List<String> stalledOrders(Instant startedBefore, int limit);

    /** The authorization with its challenges. */
    Optional<AcmeAuthorization> authorization(String id);

    /** The authorization that holds challenge {@code challengeId}, with its challenges, read at once. */
    Optional<AcmeAuthorization> authorizationOfChallenge(String challengeId);

    /** Moves an authorization from {@code expected} to {@code status}; false when it had moved already. */
    boolean updateAuthorization(String id, AcmeStatus expected, AcmeStatus status);

    /**
     * Moves a pending authorization to valid, good until {@code expiresAt} (a valid authorization may outlive
     * its order and be reused); false when it had moved already.
     */
    boolean validateAuthorization(String id, Instant expiresAt);

    /**
     * A validation's success, in one transaction: the processing challenge becomes valid, validated
     * {@code at}, and then its pending authorization valid until {@code authorizationExpiresAt}; false, and
     * nothing changed, when the challenge was no longer processing.
     */
    boolean validateChallenge(String challengeId, String authorizationId, Instant at, Instant authorizationExpiresAt);

    /**
     * The account's valid authorization for {@code identifier} that is good until at least {@code until}, the
     * one good for longest; empty when there is none.
     */
    Optional<AcmeAuthorization> reusableAuthorization(String accountId, String identifier, Instant until);

    Optional<AcmeChallenge> challenge(String id);

    /**
     * Moves a challenge from {@code expected} to {@code status}, recording when and the error, if
     * any; false when it had moved already.
     */
    boolean updateChallenge(String id, AcmeStatus expected, AcmeStatus status, Optional<Instant> validatedAt,
            Optional<String> error);

    /**
     * Moves a pending challenge to processing, recording that its validation started {@code at}; false
     * when it had moved already (another request, on any node, started it).
     */
    boolean startChallenge(String id, Instant at);

    /**
     * Challenges processing since before {@code startedBefore} (or since before certa recorded when),
     * at most {@code limit} of them: validations whose node may have died.
     */
    List<AcmeStalledChallenge> stalledChallenges(Instant startedBefore, int limit);

    /**
     * Takes over a stalled challenge's validation, which starts again {@code at}: true for the one
     * caller, on any node, whose view of it ({@link AcmeStalledChallenge#processingSince()}) was still
     * current; false when it was taken over or ended meanwhile.
     */
    boolean takeOverChallenge(AcmeStalledChallenge stalled, Instant at);

    /**
     * The secret named {@code name}, shared by every node: the first caller's {@code candidate} is
     * stored and every caller, on any node, gets the stored one.
     */
    byte[] sharedSecret(String name, byte[] candidate);

    /**
     * Marks a nonce used: {@code true} the first time for that id on any node, {@code false} after.
     *
     * @param expiresAt when the nonce expires; the entry may be purged after that
     */
    boolean redeemNonce(String nonceId, Instant expiresAt);

    /** Deletes used nonces that expired before {@code now}; returns how many. */
    int purgeNonces(Instant now);

    /** The id of the account whose order got the certificate with this serial (revocation by account). */
    Optional<String> accountOfCertificate(BigInteger serial);

    /** Stores a new External Account Binding key. */
    void createEabKey(AcmeEabKey key);

    Optional<AcmeEabKey> eabKey(String keyId);

    /** Every External Account Binding key, newest first (for admins). */
    List<AcmeEabKey> eabKeys();

    /**
     * Binds an unbound External Account Binding key to {@code accountId}; {@code false} when the key does
     * not exist or already bound an account (on any node).
     */
    boolean bindEabKey(String keyId, String accountId, Instant at);

    /**
     * Revokes an External Account Binding key: from then on it binds no account (an account it bound
     * already is left as it is); false when there is no such key or it was revoked already.
     */
    boolean revokeEabKey(String keyId, Instant at);

    /** Undoes {@link #bindEabKey} for an account that was then not created (another node won the race for its key). */
    void unbindEabKey(String keyId, String accountId);

    /**
     * Marks the certificate with {@code serial} replaced by order {@code orderId}: {@code true} for the
     * first order (or the same one again), {@code false} when another order replaced it already.
     */
    boolean claimReplacement(BigInteger serial, String orderId);

    /** Undoes {@link #claimReplacement} of an order that then got no certificate. */
    void releaseReplacement(BigInteger serial, String orderId);

    /** The order that replaced the certificate with this serial, if one did. */
    Optional<String> replacementOf(BigInteger serial);

    /** Records (or refreshes) an admin's wish that the certificate be renewed now. */
    void pullRenewalForward(AcmeRenewalHint hint);

    Optional<AcmeRenewalHint> renewalHint(BigInteger serial);
}
