package dev.certa.store;

import static dev.certa.store.Certificates.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** One-time tokens, counters and cluster locks: what several nodes coordinate through the store. */
abstract class CoordinationContract extends StoreContract {
    private static final Instant EXPIRES = T0.plus(Duration.ofMinutes(5));

    @Test
    void aTokenIsUsableOnce() {
        assertThat(store.tokens().markUsed("ops", "jti-1", EXPIRES)).isTrue();
        assertThat(store.tokens().markUsed("ops", "jti-1", EXPIRES)).isFalse();
        assertThat(store.tokens().markUsed("ops", "jti-1", EXPIRES.plusSeconds(60))).isFalse();
    }

    @Test
    void theSameTokenIdUnderAnotherProvisionerIsAnotherToken() {
        assertThat(store.tokens().markUsed("ops", "jti-1", EXPIRES)).isTrue();
        assertThat(store.tokens().markUsed("dev", "jti-1", EXPIRES)).isTrue();
    }

    @Test
    void purgeRemovesOnlyExpiredTokens() {
        store.tokens().markUsed("ops", "old", T0.minusSeconds(1));
        store.tokens().markUsed("ops", "edge", T0);
        store.tokens().markUsed("ops", "live", EXPIRES);

        assertThat(store.tokens().purgeExpired(T0)).isEqualTo(1);

        assertThat(store.tokens().markUsed("ops", "edge", T0)).isFalse();
        assertThat(store.tokens().markUsed("ops", "live", EXPIRES)).isFalse();
        assertThat(store.tokens().purgeExpired(T0)).isZero();
    }

    @Test
    void threadsRacingOnOneTokenHaveExactlyOneWinner() throws Exception {
        for (int round = 0; round < 20; round++) {
            String jti = "race-" + round;
            List<Boolean> results = Concurrently.run(8, i -> () -> store.tokens().markUsed("ops", jti, EXPIRES));

            assertThat(results).as("round %d", round).containsOnlyOnce(true);
        }
    }

    @Test
    void countersStartAtZeroAndCountUp() {
        assertThat(store.counters().current("crl:issuer-a")).isZero();

        assertThat(store.counters().next("crl:issuer-a")).isEqualTo(1);
        assertThat(store.counters().next("crl:issuer-a")).isEqualTo(2);
        assertThat(store.counters().next("crl:issuer-b")).isEqualTo(1);

        assertThat(store.counters().current("crl:issuer-a")).isEqualTo(2);
        assertThat(store.counters().current("crl:issuer-b")).isEqualTo(1);
    }

    @Test
    void concurrentIncrementsAreAllDistinct() throws Exception {
        List<List<Long>> perThread = Concurrently.run(16, i -> () -> {
            List<Long> values = new java.util.ArrayList<>();
            for (int k = 0; k < 25; k++) {
                values.add(store.counters().next("crl:issuer-a"));
            }
            return values;
        });

        List<Long> all = perThread.stream().flatMap(List::stream).sorted().toList();
        assertThat(all).doesNotHaveDuplicates().hasSize(400).startsWith(1L).endsWith(400L);
        assertThat(store.counters().current("crl:issuer-a")).isEqualTo(400);
    }

    @Test
    void aClusterLockRunsTheWorkAndReturnsItsResult() {
        assertThat(store.locks().tryWithLock("crl", () -> "done")).contains("done");
        assertThat(store.locks().tryWithLock("crl", () -> "again")).contains("again");
    }

    @Test
    void aHeldClusterLockIsRefusedWithoutWaiting() throws Exception {
        var held = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var holder = Thread.ofPlatform().start(() -> store.locks().tryWithLock("crl", () -> {
            held.countDown();
            await(release);
            return true;
        }));
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

        var other = new AtomicReference<Optional<String>>();
        var otherThread = Thread.ofPlatform().start(() -> other.set(store.locks().tryWithLock("crl", () -> "ran")));
        otherThread.join(10_000);
        Optional<String> nested = store.locks().tryWithLock("crl", () -> "ran");
        Optional<String> otherName = store.locks().tryWithLock("ocsp", () -> "ran");
        release.countDown();
        holder.join(10_000);

        assertThat(other.get()).isEmpty();
        assertThat(nested).isEmpty();
        assertThat(otherName).contains("ran");
        assertThat(store.locks().tryWithLock("crl", () -> "ran")).contains("ran");
    }

    @Test
    void aClusterLockIsReleasedWhenTheWorkFails() {
        try {
            store.locks().tryWithLock("crl", () -> {
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            // the lock must be free again
        }

        assertThat(store.locks().tryWithLock("crl", () -> "ran")).contains("ran");
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
