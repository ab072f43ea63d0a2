package dev.certa.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * New-account rate limits are counted and the account stored in one step: a flood of account creations
 * (100-200 a second, stored forever) cannot together pass a limit, on any node. Run against SQLite and
 * PostgreSQL.
 */
abstract class AcmeAccountLimitContract extends StoreContract {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant HOUR_AGO = T0.minusSeconds(3600);
    private static final int RACERS = 16;

    @Test
    void sixteenRacingNewAccountsFromOneAddressUnderALimitOfFiveStoreExactlyFive() throws Exception {
        AcmeAccountLimit limit = AcmeAccountLimit.perClientAddress("192.0.2.7", HOUR_AGO, 5);

        List<AcmeAccountLimit.Outcome> outcomes = race(n -> "192.0.2.7", List.of(limit));

        assertThat(outcomes.stream().filter(o -> o instanceof AcmeAccountLimit.Stored)).as("accounts stored").hasSize(5);
        assertThat(outcomes.stream().filter(o -> o instanceof AcmeAccountLimit.Reached)).hasSize(RACERS - 5)
                .allSatisfy(o -> assertThat(((AcmeAccountLimit.Reached) o).counted()).isEqualTo(new AcmeOrderCount(5, Optional.of(T0))));
        assertThat(store.acme().accounts(100, Optional.empty())).hasSize(5);
    }

    @Test
    void sixteenRacingNewAccountsFromSixteenAddressesUnderAnOverallLimitOfThreeStoreExactlyThree() throws Exception {
        List<AcmeAccountLimit.Outcome> outcomes = race(n -> "192.0.2." + n, List.of(AcmeAccountLimit.overall(HOUR_AGO, 3)));

        assertThat(outcomes.stream().filter(o -> o instanceof AcmeAccountLimit.Stored)).as("accounts stored").hasSize(3);
        assertThat(store.acme().accounts(100, Optional.empty())).hasSize(3);
    }

    @Test
    void anExistingKeysAccountIsReturnedAndNotCountedEvenAtTheLimit() {
        AcmeAccountLimit limit = AcmeAccountLimit.perClientAddress("192.0.2.7", HOUR_AGO, 1);
        assertThat(store.acme().createAccount(account(1), "192.0.2.7", List.of(limit))).isEqualTo(new AcmeAccountLimit.Stored(account(1)));

        var sameKey = new AcmeAccount("other-id", account(1).keyThumbprint(), "{}", List.of(), AcmeStatus.VALID, T0);
        assertThat(store.acme().createAccount(sameKey, "192.0.2.7", List.of(limit))).isEqualTo(new AcmeAccountLimit.Stored(account(1)));
        assertThat(store.acme().createAccount(account(2), "192.0.2.7", List.of(limit))).isInstanceOf(AcmeAccountLimit.Reached.class);
        assertThat(store.acme().createAccount(account(3), "192.0.2.8",
                List.of(AcmeAccountLimit.perClientAddress("192.0.2.8", HOUR_AGO, 1)))).as("another address")
                .isEqualTo(new AcmeAccountLimit.Stored(account(3)));
    }

    @Test
    void accountsOlderThanTheWindowNoLongerCount() {
        AcmeAccountLimit limit = AcmeAccountLimit.perClientAddress("192.0.2.7", HOUR_AGO, 1);
        var old = new AcmeAccount("old", "old-key", "{}", List.of(), AcmeStatus.VALID, HOUR_AGO.minusSeconds(1));
        store.acme().createAccount(old, "192.0.2.7", List.of());

        assertThat(store.acme().createAccount(account(1), "192.0.2.7", List.of(limit))).isInstanceOf(AcmeAccountLimit.Stored.class);
    }

    private static AcmeAccount account(int n) {
        return new AcmeAccount("acc" + n, "thumb" + n, "{\"kty\":\"EC\"}", List.of(), AcmeStatus.VALID, T0);
    }

    private List<AcmeAccountLimit.Outcome> race(IntFunction<String> address, List<AcmeAccountLimit> limits) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<AcmeAccountLimit.Outcome>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(RACERS)) {
            for (int i = 0; i < RACERS; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return store.acme().createAccount(account(n), address.apply(n), limits);
                }));
            }
            start.countDown();
            List<AcmeAccountLimit.Outcome> out = new ArrayList<>();
            for (var f : futures) {
                out.add(f.get(30, TimeUnit.SECONDS));
            }
            return out;
        }
    }
}
