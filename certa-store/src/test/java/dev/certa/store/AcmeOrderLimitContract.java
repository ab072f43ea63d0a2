package dev.certa.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Order rate limits are counted and the order stored in one step: requests racing to create orders
 * cannot together pass a limit (the check-then-insert that admitted 28 orders under a limit of 20).
 * Run against SQLite and PostgreSQL.
 */
abstract class AcmeOrderLimitContract extends StoreContract {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final int RACERS = 16;

    @Test
    void sixteenRacingOrdersUnderAnAccountLimitOfFiveStoreExactlyFive() throws Exception {
        store.acme().createAccount(new AcmeAccount("acc1", "thumb", "{\"kty\":\"EC\"}", List.of(), AcmeStatus.VALID, T0));
        AcmeOrderLimit limit = new AcmeOrderLimit(AcmeOrderLimit.Scope.ACCOUNT, "acc1", T0.minusSeconds(3600), 5);

        List<Optional<AcmeOrderLimit.Reached>> outcomes = race(n -> List.of(limit), n -> Set.of("n" + n + ".example"));

        assertThat(outcomes.stream().filter(Optional::isEmpty)).as("orders stored").hasSize(5);
        assertThat(outcomes.stream().flatMap(Optional::stream)).hasSize(RACERS - 5)
                .allSatisfy(r -> assertThat(r.counted().count()).isEqualTo(5));
        assertThat(store.acme().ordersOfAccountSince("acc1", T0.minusSeconds(3600)).count()).isEqualTo(5);
    }

    @Test
    void sixteenRacingOrdersUnderADomainLimitOfThreeStoreExactlyThree() throws Exception {
        store.acme().createAccount(new AcmeAccount("acc1", "thumb", "{\"kty\":\"EC\"}", List.of(), AcmeStatus.VALID, T0));
        AcmeOrderLimit limit = new AcmeOrderLimit(AcmeOrderLimit.Scope.REGISTERED_DOMAIN, "example.com", T0.minusSeconds(3600), 3);

        List<Optional<AcmeOrderLimit.Reached>> outcomes = race(n -> List.of(limit), n -> Set.of("example.com"));

        assertThat(outcomes.stream().filter(Optional::isEmpty)).as("orders stored").hasSize(3);
        assertThat(store.acme().ordersOfDomainSince("example.com", T0.minusSeconds(3600)).count()).isEqualTo(3);
        assertThat(store.acme().ordersOfAccountSince("acc1", T0.minusSeconds(3600)).count()).isEqualTo(3);
    }

    private List<Optional<AcmeOrderLimit.Reached>> race(java.util.function.IntFunction<List<AcmeOrderLimit>> limits,
            java.util.function.IntFunction<Set<String>> domains) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<AcmeOrderLimit.Reached>>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(RACERS)) {
            for (int i = 0; i < RACERS; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    var order = new AcmeOrder("o" + n, "acc1", AcmeStatus.PENDING, List.of("dns:n" + n + ".example.com"), List.of(),
                            T0.plusSeconds(3600), Optional.empty(), Optional.empty(), T0, "tlsserver", Optional.empty(), Optional.empty());
                    return store.acme().createOrder(order, List.of(), domains.apply(n), limits.apply(n));
                }));
            }
            start.countDown();
            List<Optional<AcmeOrderLimit.Reached>> out = new ArrayList<>();
            for (var f : futures) {
                out.add(f.get(30, TimeUnit.SECONDS));
            }
            return out;
        }
    }
}
