package dev.certa.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every store must do for the ACME server; run against SQLite and PostgreSQL. */
abstract class AcmeLedgerContract extends StoreContract {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static AcmeAccount account(String id, String thumbprint) {
        return new AcmeAccount(id, thumbprint, "{\"kty\":\"EC\"}", List.of("mailto:ops@example.com"), AcmeStatus.VALID, T0);
    }

    private AcmeOrder orderWithTwoNames(String accountId) {
        return orderWithTwoNames(accountId, T0);
    }

    /** Order o1 for a.example.com (authorization a1: challenges c1, c2) and 192.0.2.1 (a2, none), made at {@code t0}. */
    private AcmeOrder orderWithTwoNames(String accountId, Instant t0) {
        var challenges = List.of(
                new AcmeChallenge("c1", "a1", "http-01", "tok1", AcmeStatus.PENDING, Optional.empty(), Optional.empty()),
                new AcmeChallenge("c2", "a1", "dns-01", "tok2", AcmeStatus.PENDING, Optional.empty(), Optional.empty()));
        var a1 = new AcmeAuthorization("a1", accountId, "dns:a.example.com", AcmeStatus.PENDING, t0.plusSeconds(3600), t0, challenges);
        var a2 = new AcmeAuthorization("a2", accountId, "ip:192.0.2.1", AcmeStatus.PENDING, t0.plusSeconds(3600), t0, List.of());
        var order = new AcmeOrder("o1", accountId, AcmeStatus.PENDING, List.of("dns:a.example.com", "ip:192.0.2.1"),
                List.of("a1", "a2"), t0.plusSeconds(3600), Optional.empty(), Optional.empty(), t0, "tlsserver",
                Optional.of("aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE"), Optional.of(t0.plusSeconds(86400)));
        store.acme().createOrder(order, List.of(a1, a2), Set.of("example.com"));
        return order;
    }

    @Test
    void oneAccountPerKeyTheFirstWins() {
        AcmeAccount first = store.acme().createAccount(account("acc1", "thumb"));
        AcmeAccount second = store.acme().createAccount(account("acc2", "thumb"));

        assertThat(first.id()).isEqualTo("acc1");
        assertThat(second).isEqualTo(first);
        assertThat(store.acme().accountByKey("thumb")).contains(first);
        assertThat(store.acme().account("acc2")).isEmpty();
    }

    @Test
    void accountsAreUpdated() {
        store.acme().createAccount(account("acc1", "thumb"));

        assertThat(store.acme().updateAccount("acc1", List.of(), AcmeStatus.DEACTIVATED)).isTrue();
        assertThat(store.acme().updateAccount("nope", List.of(), AcmeStatus.DEACTIVATED)).isFalse();
        AcmeAccount read = store.acme().account("acc1").orElseThrow();
        assertThat(read.contacts()).isEmpty();
        assertThat(read.status()).isEqualTo(AcmeStatus.DEACTIVATED);
    }

    @Test
    void anAccountReadBeforeAChangeIsReadAsChangedRightAfter() {
        store.acme().createAccount(account("acc1", "old"));
        assertThat(store.acme().account("acc1").orElseThrow().status()).isEqualTo(AcmeStatus.VALID);

        assertThat(store.acme().changeKey("acc1", "old", "new", "{\"kty\":\"OKP\"}")).isTrue();
        assertThat(store.acme().account("acc1").orElseThrow().jwk()).isEqualTo("{\"kty\":\"OKP\"}");
        assertThat(store.acme().account("acc1").orElseThrow().keyThumbprint()).isEqualTo("new");

        assertThat(store.acme().updateAccount("acc1", List.of(), AcmeStatus.DEACTIVATED)).isTrue();
        assertThat(store.acme().account("acc1").orElseThrow().status()).isEqualTo(AcmeStatus.DEACTIVATED);
    }

    @Test
    void readsRacingADeactivationNeverShowTheAccountValidAfterIt() throws Exception {
        store.acme().createAccount(account("acc1", "thumb"));
        java.util.concurrent.atomic.AtomicBoolean deactivated = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger staleReads = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        List<Thread> readers = new java.util.ArrayList<>();
        for (int t = 0; t < 3; t++) {
            readers.add(Thread.ofPlatform().start(() -> {
                while (!stop.get()) {
                    boolean after = deactivated.get();
                    AcmeStatus s = store.acme().account("acc1").orElseThrow().status();
                    if (after && s == AcmeStatus.VALID) {
                        staleReads.incrementAndGet();
                    }
                }
            }));
        }
        Thread.sleep(50);
        assertThat(store.acme().updateAccount("acc1", List.of(), AcmeStatus.DEACTIVATED)).isTrue();
        deactivated.set(true);
        Thread.sleep(100);
        stop.set(true);
        for (Thread r : readers) {
            r.join();
        }
        assertThat(staleReads.get()).as("reads that began after the deactivation returned and still saw the account valid").isZero();
        assertThat(store.acme().account("acc1").orElseThrow().status()).isEqualTo(AcmeStatus.DEACTIVATED);
    }

    @Test
    void aKeyIsChangedOnlyFromTheCurrentOneAndNeverToAnotherAccountsKey() {
        store.acme().createAccount(account("acc1", "old"));
        store.acme().createAccount(account("acc2", "taken"));

        assertThat(store.acme().changeKey("acc1", "old", "taken", "{}")).isFalse();
        assertThat(store.acme().changeKey("acc1", "wrong", "new", "{}")).isFalse();
        assertThat(store.acme().changeKey("acc1", "old", "new", "{\"kty\":\"OKP\"}")).isTrue();
        assertThat(store.acme().accountByKey("new").orElseThrow().id()).isEqualTo("acc1");
        assertThat(store.acme().accountByKey("new").orElseThrow().jwk()).isEqualTo("{\"kty\":\"OKP\"}");
        assertThat(store.acme().accountByKey("old")).isEmpty();
    }

    @Test
    void accountsAreListedOldestFirstPageByPage() {
        for (int i = 0; i < 3; i++) {
            store.acme().createAccount(new AcmeAccount("acct" + i, "thumb" + i, "{\"kty\":\"EC\"}", List.of(), AcmeStatus.VALID,
                    T0.plusSeconds(10 - i))); // made in the order acct2, acct1, acct0
        }
        assertThat(store.acme().accounts(10, Optional.empty())).extracting(AcmeAccount::id).containsExactly("acct2", "acct1", "acct0");
        assertThat(store.acme().accounts(2, Optional.empty())).extracting(AcmeAccount::id).containsExactly("acct2", "acct1");
        assertThat(store.acme().accounts(2, Optional.of("acct1"))).extracting(AcmeAccount::id).containsExactly("acct0");
        assertThat(store.acme().accounts(2, Optional.of("acct0"))).isEmpty();
    }

    @Test
    void anOrderIsStoredWithItsAuthorizationsAndChallenges() {
        store.acme().createAccount(account("acc1", "thumb"));
        AcmeOrder order = orderWithTwoNames("acc1");

        assertThat(store.acme().order("o1")).contains(order);
        AcmeAuthorization a1 = store.acme().authorization("a1").orElseThrow();
        assertThat(a1.identifier()).isEqualTo("dns:a.example.com");
        assertThat(a1.challenges()).extracting(AcmeChallenge::type).containsExactly("http-01", "dns-01");
        assertThat(store.acme().challenge("c2").orElseThrow().token()).isEqualTo("tok2");
        assertThat(store.acme().authorization("a2").orElseThrow().challenges()).isEmpty();
        assertThat(store.acme().authorizationOfChallenge("c2")).contains(a1);
        assertThat(store.acme().authorizationOfChallenge("no-such-challenge")).isEmpty();
    }

    @Test
    void aValidationSuccessMovesTheChallengeAndItsAuthorizationTogether() {
        store.acme().createAccount(account("acc1", "thumb"));
        orderWithTwoNames("acc1");
        Instant goodUntil = T0.plus(java.time.Duration.ofDays(30));

        assertThat(store.acme().validateChallenge("c1", "a1", T0, goodUntil)).isFalse(); // pending, not processing: nothing moves
        assertThat(store.acme().authorization("a1").orElseThrow().status()).isEqualTo(AcmeStatus.PENDING);

        assertThat(store.acme().startChallenge("c1", T0)).isTrue();
        assertThat(store.acme().validateChallenge("c1", "a1", T0.plusSeconds(2), goodUntil)).isTrue();
        AcmeAuthorization a1 = store.acme().authorization("a1").orElseThrow();
        assertThat(a1.status()).isEqualTo(AcmeStatus.VALID);
        assertThat(a1.expiresAt()).isEqualTo(goodUntil);
        assertThat(a1.challenges().getFirst().status()).isEqualTo(AcmeStatus.VALID);
        assertThat(a1.challenges().getFirst().validatedAt()).contains(T0.plusSeconds(2));
        assertThat(store.acme().validateChallenge("c1", "a1", T0.plusSeconds(3), goodUntil.plusSeconds(1))).isFalse(); // once
        assertThat(store.acme().authorization("a1").orElseThrow().expiresAt()).isEqualTo(goodUntil);
    }

    @Test
    void stateChangesAreCompareAndSet() {
        store.acme().createAccount(account("acc1", "thumb"));
        orderWithTwoNames("acc1");

        assertThat(store.acme().updateChallenge("c1", AcmeStatus.PENDING, AcmeStatus.PROCESSING, Optional.empty(), Optional.empty())).isTrue();
        assertThat(store.acme().updateChallenge("c1", AcmeStatus.PENDING, AcmeStatus.PROCESSING, Optional.empty(), Optional.empty())).isFalse();
        assertThat(store.acme().updateChallenge("c1", AcmeStatus.PROCESSING, AcmeStatus.INVALID, Optional.of(T0),
                Optional.of("{\"type\":\"x\"}"))).isTrue();
        AcmeChallenge c1 = store.acme().challenge("c1").orElseThrow();
        assertThat(c1.status()).isEqualTo(AcmeStatus.INVALID);
        assertThat(c1.validatedAt()).contains(T0);
        assertThat(c1.error()).contains("{\"type\":\"x\"}");

        assertThat(store.acme().reusableAuthorization("acc1", "dns:a.example.com", T0)).isEmpty(); // pending
        Instant goodUntil = T0.plus(java.time.Duration.ofDays(30));
        assertThat(store.acme().validateAuthorization("a1", goodUntil)).isTrue();
        assertThat(store.acme().validateAuthorization("a1", goodUntil)).isFalse(); // moved already
        assertThat(store.acme().updateAuthorization("a1", AcmeStatus.PENDING, AcmeStatus.INVALID)).isFalse();
        assertThat(store.acme().authorization("a1").orElseThrow().expiresAt()).isEqualTo(goodUntil);
        assertThat(store.acme().reusableAuthorization("acc1", "dns:a.example.com", goodUntil).map(AcmeAuthorization::id))
                .contains("a1");
        assertThat(store.acme().reusableAuthorization("acc1", "dns:a.example.com", goodUntil.plusSeconds(1))).isEmpty();
        assertThat(store.acme().reusableAuthorization("acc1", "dns:other.example", T0)).isEmpty();
        assertThat(store.acme().reusableAuthorization("someone-else", "dns:a.example.com", T0)).isEmpty();

        assertThat(store.acme().updateOrder("o1", AcmeStatus.PENDING, AcmeStatus.PROCESSING, Optional.empty(), Optional.empty())).isTrue();
        assertThat(store.acme().updateOrder("o1", AcmeStatus.PENDING, AcmeStatus.PROCESSING, Optional.empty(), Optional.empty())).isFalse();
        assertThat(store.acme().updateOrder("o1", AcmeStatus.PROCESSING, AcmeStatus.VALID, Optional.empty(),
                Optional.of(BigInteger.valueOf(0xabcdef)))).isTrue();
        assertThat(store.acme().order("o1").orElseThrow().certificateSerial()).contains(BigInteger.valueOf(0xabcdef));
        assertThat(store.acme().accountOfCertificate(BigInteger.valueOf(0xabcdef))).contains("acc1");
        assertThat(store.acme().accountOfCertificate(BigInteger.TEN)).isEmpty();
    }

    @Test
    void aNonceIsRedeemedOnceAcrossNodes() throws Exception {
        CertaStore other = open();
        List<Boolean> results = Concurrently.run(8, i -> () -> (i % 2 == 0 ? store : other).acme()
                .redeemNonce("n1", T0.plusSeconds(60)));

        assertThat(results).containsOnlyOnce(true);
        assertThat(other.acme().redeemNonce("n2", T0)).isTrue();
        assertThat(store.acme().purgeNonces(T0.plusSeconds(1))).isEqualTo(1);
        assertThat(store.acme().redeemNonce("n2", T0)).isTrue(); // purged: only expired ids ever are
    }

    @Test
    void aSharedSecretIsTheFirstNodesCandidate() {
        CertaStore other = open();
        byte[] first = store.acme().sharedSecret("nonce-key", new byte[] {1, 2, 3});
        byte[] second = other.acme().sharedSecret("nonce-key", new byte[] {9, 9, 9});

        assertThat(first).containsExactly(1, 2, 3);
        assertThat(second).containsExactly(1, 2, 3);
    }

    @Test
    void anOrderKeepsItsProfileTheCertificateItReplacesAndItsNotAfter() {
        store.acme().createAccount(account("acc1", "thumb"));
        orderWithTwoNames("acc1");

        AcmeOrder read = store.acme().order("o1").orElseThrow();
        assertThat(read.profile()).isEqualTo("tlsserver");
        assertThat(read.replaces()).contains("aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE");
        assertThat(read.notAfter()).contains(T0.plusSeconds(86400));
    }

    @Test
    void anEabKeyBindsOneAccountOnlyWhicheverNodeAsks() throws Exception {
        CertaStore other = open();
        store.acme().createEabKey(new AcmeEabKey("kid1", new byte[] {1, 2, 3}, "team a", T0, Optional.empty(), Optional.empty(), Optional.empty()));
        store.acme().createEabKey(new AcmeEabKey("kid2", new byte[] {4}, "team b", T0.plusSeconds(1), Optional.empty(), Optional.empty(),
                Optional.empty()));

        AcmeEabKey read = other.acme().eabKey("kid1").orElseThrow();
        assertThat(read.hmacKey()).containsExactly(1, 2, 3);
        assertThat(read.label()).isEqualTo("team a");
        assertThat(read.accountId()).isEmpty();
        assertThat(read.toString()).doesNotContain("[1, 2, 3]").contains("not shown");
        assertThat(store.acme().eabKey("nope")).isEmpty();

        List<Boolean> wins = Concurrently.run(8, i -> () -> (i % 2 == 0 ? store : other).acme().bindEabKey("kid1", "acc" + i, T0));
        assertThat(wins).containsOnlyOnce(true);
        AcmeEabKey bound = store.acme().eabKey("kid1").orElseThrow();
        assertThat(bound.accountId()).isPresent();
        assertThat(bound.boundAt()).contains(T0);
        assertThat(store.acme().bindEabKey("nope", "acc1", T0)).isFalse();

        store.acme().unbindEabKey("kid1", "someone else");
        assertThat(store.acme().eabKey("kid1").orElseThrow().accountId()).isEqualTo(bound.accountId());
        store.acme().unbindEabKey("kid1", bound.accountId().get());
        assertThat(store.acme().eabKey("kid1").orElseThrow().accountId()).isEmpty();
        assertThat(store.acme().eabKeys()).extracting(AcmeEabKey::keyId).containsExactly("kid2", "kid1");
    }

    @Test
    void aRevokedEabKeyBindsNoAccountAndStaysListed() throws Exception {
        CertaStore other = open();
        store.acme().createEabKey(new AcmeEabKey("unused", new byte[] {1}, "team a", T0, Optional.empty(), Optional.empty(), Optional.empty()));
        store.acme().createEabKey(new AcmeEabKey("used", new byte[] {2}, "team b", T0, Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(store.acme().bindEabKey("used", "acc1", T0)).isTrue();

        assertThat(other.acme().revokeEabKey("unused", T0.plusSeconds(5))).isTrue();
        assertThat(store.acme().revokeEabKey("unused", T0.plusSeconds(6))).as("revoked once").isFalse();
        assertThat(store.acme().revokeEabKey("no-such-key", T0)).isFalse();
        assertThat(store.acme().bindEabKey("unused", "acc2", T0.plusSeconds(7))).as("a revoked key binds nothing").isFalse();
        assertThat(store.acme().eabKey("unused").orElseThrow().revokedAt()).contains(T0.plusSeconds(5));
        assertThat(store.acme().eabKey("unused").orElseThrow().accountId()).isEmpty();

        assertThat(store.acme().revokeEabKey("used", T0.plusSeconds(8))).isTrue();
        AcmeEabKey used = other.acme().eabKey("used").orElseThrow();
        assertThat(used.accountId()).as("the account it bound is still named").contains("acc1");
        assertThat(used.revokedAt()).contains(T0.plusSeconds(8));
        assertThat(store.acme().eabKeys()).extracting(AcmeEabKey::keyId).containsExactlyInAnyOrder("unused", "used");
    }

    @Test
    void aCertificateIsReplacedByOneOrderOnly() throws Exception {
        CertaStore other = open();
        BigInteger serial = BigInteger.valueOf(0x1234);

        assertThat(store.acme().replacementOf(serial)).isEmpty();
        List<Boolean> wins = Concurrently.run(8, i -> () -> (i % 2 == 0 ? store : other).acme().claimReplacement(serial, "order" + i));
        assertThat(wins).containsOnlyOnce(true);
        String winner = store.acme().replacementOf(serial).orElseThrow();
        assertThat(other.acme().claimReplacement(serial, winner)).isTrue(); // the same order again
        assertThat(other.acme().claimReplacement(serial, "late")).isFalse();

        store.acme().releaseReplacement(serial, "late");
        assertThat(store.acme().replacementOf(serial)).contains(winner);
        store.acme().releaseReplacement(serial, winner);
        assertThat(store.acme().replacementOf(serial)).isEmpty();
        assertThat(store.acme().claimReplacement(serial, "late")).isTrue();
    }

    @Test
    void aRenewalHintIsKeptAndRefreshed() {
        BigInteger serial = BigInteger.valueOf(0xbeef);
        assertThat(store.acme().renewalHint(serial)).isEmpty();

        store.acme().pullRenewalForward(new AcmeRenewalHint(serial, T0, Optional.empty()));
        assertThat(store.acme().renewalHint(serial)).contains(new AcmeRenewalHint(serial, T0, Optional.empty()));
        store.acme().pullRenewalForward(new AcmeRenewalHint(serial, T0.plusSeconds(5), Optional.of("https://ca.example/incident")));
        assertThat(store.acme().renewalHint(serial))
                .contains(new AcmeRenewalHint(serial, T0.plusSeconds(5), Optional.of("https://ca.example/incident")));
        assertThat(store.acme().renewalHint(BigInteger.ONE)).isEmpty();
    }

    @Test
    void recentOrdersAreCountedPerAccountAndPerRegisteredDomain() {
        store.acme().createAccount(account("acc1", "thumb"));
        store.acme().createAccount(account("acc2", "thumb2"));
        for (int i = 0; i < 3; i++) {
            Instant at = T0.plusSeconds(60L * i);
            var order = new AcmeOrder("o" + i, i < 2 ? "acc1" : "acc2", AcmeStatus.PENDING, List.of("dns:www.example.com"), List.of(),
                    at.plusSeconds(3600), Optional.empty(), Optional.empty(), at, "tlsserver", Optional.empty(), Optional.empty());
            store.acme().createOrder(order, List.of(), i == 0 ? Set.of("example.com", "example.org") : Set.of("example.com"));
        }

        assertThat(store.acme().order("o0").orElseThrow().notAfter()).isEmpty();
        assertThat(store.acme().ordersOfAccountSince("acc1", T0)).isEqualTo(new AcmeOrderCount(2, Optional.of(T0)));
        assertThat(store.acme().ordersOfAccountSince("acc1", T0.plusSeconds(1))).isEqualTo(new AcmeOrderCount(1, Optional.of(T0.plusSeconds(60))));
        assertThat(store.acme().ordersOfAccountSince("nobody", T0)).isEqualTo(new AcmeOrderCount(0, Optional.empty()));
        assertThat(store.acme().ordersOfDomainSince("example.com", T0)).isEqualTo(new AcmeOrderCount(3, Optional.of(T0)));
        assertThat(store.acme().ordersOfDomainSince("example.com", T0.plusSeconds(61)))
                .isEqualTo(new AcmeOrderCount(1, Optional.of(T0.plusSeconds(120))));
        assertThat(store.acme().ordersOfDomainSince("example.org", T0)).isEqualTo(new AcmeOrderCount(1, Optional.of(T0)));
    }

    @Test
    void aStalledValidationIsFoundAndTakenOverByOneNodeOnly() {
        store.acme().createAccount(account("acc1", "thumb"));
        orderWithTwoNames("acc1");
        Instant started = T0.plusSeconds(10);

        assertThat(store.acme().startChallenge("c1", started)).isTrue();
        assertThat(store.acme().startChallenge("c1", started)).isFalse();
        assertThat(store.acme().challenge("c1").orElseThrow().status()).isEqualTo(AcmeStatus.PROCESSING);
        assertThat(store.acme().stalledChallenges(started, 10)).isEmpty();
        List<AcmeStalledChallenge> stalled = store.acme().stalledChallenges(started.plusSeconds(1), 10);
        assertThat(stalled).containsExactly(new AcmeStalledChallenge("c1", Optional.of(started)));

        Instant later = T0.plusSeconds(100);
        assertThat(store.acme().takeOverChallenge(stalled.getFirst(), later)).isTrue();
        assertThat(store.acme().takeOverChallenge(stalled.getFirst(), later)).isFalse();
        assertThat(store.acme().stalledChallenges(later, 10)).isEmpty();
        assertThat(store.acme().stalledChallenges(later.plusSeconds(1), 10))
                .containsExactly(new AcmeStalledChallenge("c1", Optional.of(later)));

        store.acme().updateChallenge("c1", AcmeStatus.PROCESSING, AcmeStatus.VALID, Optional.of(later), Optional.empty());
        assertThat(store.acme().stalledChallenges(later.plusSeconds(1), 10)).isEmpty();
    }

    @Test
    void aChallengeProcessingSinceBeforeStartsWereRecordedCountsAsStalled() {
        store.acme().createAccount(account("acc1", "thumb"));
        orderWithTwoNames("acc1");
        store.acme().updateChallenge("c2", AcmeStatus.PENDING, AcmeStatus.PROCESSING, Optional.empty(), Optional.empty());

        List<AcmeStalledChallenge> stalled = store.acme().stalledChallenges(T0, 10);

        assertThat(stalled).containsExactly(new AcmeStalledChallenge("c2", Optional.empty()));
        assertThat(store.acme().takeOverChallenge(stalled.getFirst(), T0)).isTrue();
        assertThat(store.acme().takeOverChallenge(stalled.getFirst(), T0)).isFalse();
    }

    /** Notes status rank {@code rank} of row {@code n}; 1 if it is below one seen before. */
    private static int seen(int[] highest, int n, int rank) {
        if (rank < highest[n]) {
            return 1;
        }
        highest[n] = rank;
        return 0;
    }

    /**
     * Orders, authorizations and challenges as this store reads them equal what a store opened afresh on
     * the database reads (one that has kept nothing in memory yet).
     */
    private void readsAsTheDatabase(String what) {
        try (CertaStore fresh = database().open()) {
            for (String id : List.of("o1")) {
                assertThat(store.acme().order(id)).as("order %s after %s", id, what).isEqualTo(fresh.acme().order(id));
            }
            for (String id : List.of("a1", "a2")) {
                assertThat(store.acme().authorization(id)).as("authorization %s after %s", id, what)
                        .isEqualTo(fresh.acme().authorization(id));
            }
            for (String id : List.of("c1", "c2")) {
                assertThat(store.acme().authorizationOfChallenge(id)).as("authorization of %s after %s", id, what)
                        .isEqualTo(fresh.acme().authorizationOfChallenge(id));
                assertThat(store.acme().challenge(id)).as("challenge %s after %s", id, what).isEqualTo(fresh.acme().challenge(id));
            }
        }
    }

    @Test
    void whatIsReadAfterEveryChangeIsWhatTheDatabaseHolds() {
        store.acme().createAccount(account("acc1", "thumb"));
        Instant t = T0.plusNanos(123_456_789); // kept to the microsecond, like the database
        orderWithTwoNames("acc1", t);
        readsAsTheDatabase("creation");
        readsAsTheDatabase("creation, read twice");

        assertThat(store.acme().startChallenge("c1", t)).isTrue();
        readsAsTheDatabase("start");
        assertThat(store.acme().updateChallenge("c1", AcmeStatus.PROCESSING, AcmeStatus.PROCESSING, Optional.empty(),
                Optional.of("{\"type\":\"connection\"}"))).isTrue();
        readsAsTheDatabase("a failed attempt");
        assertThat(store.acme().updateChallenge("c1", AcmeStatus.PENDING, AcmeStatus.INVALID, Optional.of(t), Optional.empty())).isFalse();
        readsAsTheDatabase("a refused change");
        assertThat(store.acme().validateChallenge("c1", "a1", t.plusMillis(1), t.plusSeconds(86_400))).isTrue();
        readsAsTheDatabase("validation");
        assertThat(store.acme().startChallenge("c2", t)).isTrue(); // the other challenge of a valid authorization
        readsAsTheDatabase("a second start");
        assertThat(store.acme().validateAuthorization("a2", t.plusSeconds(7_200))).isTrue();
        readsAsTheDatabase("a validation of an authorization alone");
        assertThat(store.acme().validateAuthorization("a2", t)).isFalse();
        readsAsTheDatabase("a refused validation");
        assertThat(store.acme().updateAuthorization("a2", AcmeStatus.VALID, AcmeStatus.DEACTIVATED)).isTrue();
        readsAsTheDatabase("deactivation");
        assertThat(store.acme().updateChallenge("c2", AcmeStatus.PROCESSING, AcmeStatus.INVALID, Optional.of(t.plusSeconds(3)),
                Optional.of("{\"type\":\"dns\"}"))).isTrue();
        readsAsTheDatabase("an invalid challenge");
        assertThat(store.acme().updateOrder("o1", AcmeStatus.PENDING, AcmeStatus.PROCESSING, Optional.empty(), Optional.empty())).isTrue();
        readsAsTheDatabase("processing");
        assertThat(store.acme().updateOrder("o1", AcmeStatus.PROCESSING, AcmeStatus.INVALID, Optional.of("{\"type\":\"caa\"}"),
                Optional.empty())).isTrue();
        readsAsTheDatabase("invalid, with an error");
        assertThat(store.acme().order("o1").orElseThrow().error()).contains("{\"type\":\"caa\"}");
        assertThat(store.acme().authorization("a1").orElseThrow().challenges().getFirst().error()).contains("{\"type\":\"connection\"}");
        assertThat(store.acme().authorization("a1").orElseThrow().challenges().get(1).error()).contains("{\"type\":\"dns\"}");
        // (an order's serial is kept as written: readsRacingChangesEndAsTheDatabaseHasThem)
    }

    @Test
    void readsRacingChangesEndAsTheDatabaseHasThem() throws Exception {
        store.acme().createAccount(account("acc1", "thumb"));
        int orders = 40;
        for (int n = 0; n < orders; n++) {
            var challenge = new AcmeChallenge("c" + n, "a" + n, "http-01", "t" + n, AcmeStatus.PENDING, Optional.empty(), Optional.empty());
            var authorization = new AcmeAuthorization("a" + n, "acc1", "dns:n" + n + ".example", AcmeStatus.PENDING, T0.plusSeconds(3600),
                    T0, List.of(challenge));
            store.acme().createOrder(new AcmeOrder("o" + n, "acc1", AcmeStatus.PENDING, List.of("dns:n" + n + ".example"), List.of("a" + n),
                    T0.plusSeconds(3600), Optional.empty(), Optional.empty(), T0, "tlsserver", Optional.empty(), Optional.empty()),
                    List.of(authorization), Set.of("n" + n + ".example"));
        }
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger backwards = new java.util.concurrent.atomic.AtomicInteger();
        List<AcmeStatus> forward = List.of(AcmeStatus.PENDING, AcmeStatus.PROCESSING, AcmeStatus.VALID);
        List<Thread> readers = new java.util.ArrayList<>();
        for (int r = 0; r < 3; r++) {
            int first = r;
            readers.add(Thread.ofPlatform().start(() -> {
                int[] orderSeen = new int[orders];
                int[] authorizationSeen = new int[orders];
                int[] challengeSeen = new int[orders];
                for (int k = first; !stop.get(); k++) {
                    int n = k % orders;
                    // each reader sees every row only move forward: pending, (processing,) valid
                    AcmeAuthorization a = store.acme().authorization("a" + n).orElseThrow();
                    backwards.addAndGet(seen(authorizationSeen, n, forward.indexOf(a.status())));
                    backwards.addAndGet(seen(challengeSeen, n, forward.indexOf(a.challenges().getFirst().status())));
                    store.acme().authorizationOfChallenge("c" + n);
                    backwards.addAndGet(seen(orderSeen, n, forward.indexOf(store.acme().order("o" + n).orElseThrow().status())));
                }
            }));
        }
        Concurrently.run(4, w -> () -> {
            for (int n = w; n < orders; n += 4) {
                Instant t = T0.plusNanos(1_000_001L * n);
                store.acme().startChallenge("c" + n, t);
                store.acme().authorization("a" + n);
                store.acme().validateChallenge("c" + n, "a" + n, t, t.plusSeconds(86_400));
                store.acme().order("o" + n);
                store.acme().updateOrder("o" + n, AcmeStatus.PENDING, AcmeStatus.PROCESSING, Optional.empty(), Optional.empty());
                store.acme().updateOrder("o" + n, AcmeStatus.PROCESSING, AcmeStatus.VALID, Optional.empty(), Optional.of(BigInteger.valueOf(n + 1)));
            }
            return null;
        });
        stop.set(true);
        for (Thread r : readers) {
            r.join();
        }
        assertThat(backwards.get()).as("reads that saw a row go back to an earlier status").isZero();
        try (CertaStore fresh = database().open()) { // has kept nothing: reads the database as it is
            for (int n = 0; n < orders; n++) {
                assertThat(store.acme().order("o" + n)).as("order o%d", n).isEqualTo(fresh.acme().order("o" + n));
                assertThat(store.acme().authorization("a" + n)).as("authorization a%d", n).isEqualTo(fresh.acme().authorization("a" + n));
                assertThat(store.acme().order("o" + n).orElseThrow().status()).isEqualTo(AcmeStatus.VALID);
                assertThat(store.acme().authorization("a" + n).orElseThrow().status()).isEqualTo(AcmeStatus.VALID);
            }
        }
    }
}
