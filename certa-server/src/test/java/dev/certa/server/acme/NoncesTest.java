package dev.certa.server.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certa.server.testing.MovableClock;
import dev.certa.store.CertaStore;
import dev.certa.store.StoreConfig;
import dev.certa.store.Stores;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nonces: usable once (on any node, when nodes share the store); forged, expired and too old ones refused. */
class NoncesTest {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T00:00:00Z"));

    private void refusesForgedGarbledAndExpired(Nonces a) {
        String n = a.next();
        char c = n.charAt(30);
        assertThat(a.redeem(n.substring(0, 30) + (c == 'A' ? 'B' : 'A') + n.substring(31))).isFalse();
        assertThat(a.redeem("not a nonce")).isFalse();
        assertThat(a.redeem("")).isFalse();
        assertThat(a.redeem(n.substring(0, 47) + "!")).isFalse();

        clock.advance(Duration.ofMinutes(61));
        assertThat(a.redeem(n)).isFalse();
        assertThat(a.redeem(a.next())).isTrue();
    }

    /** Several nodes on one store: the nonce table in the database. */
    @Nested
    class Shared {
        @TempDir
        Path dir;
        private CertaStore store;

        @BeforeEach
        void open() {
            store = Stores.open(new StoreConfig.Sqlite(dir.resolve("certa.db")));
        }

        @AfterEach
        void close() {
            store.close();
        }

        private Nonces node() {
            return Nonces.shared(store.acme(), clock, new SecureRandom(), Duration.ofHours(1));
        }

        @Test
        void aNonceFromOneNodeWorksOnceOnAnother() {
            Nonces a = node();
            Nonces b = node();
            String n = a.next();

            assertThat(b.redeem(n)).isTrue();
            assertThat(a.redeem(n)).isFalse();
            assertThat(b.redeem(n)).isFalse();
        }

        @Test
        void forgedGarbledAndExpiredNoncesAreRefused() {
            refusesForgedGarbledAndExpired(node());
        }
    }

    /** One process owns the store: used nonces remembered in memory. */
    @Nested
    class Local {
        private Nonces node(int window) {
            return Nonces.local(clock, new SecureRandom(), Duration.ofHours(1), window);
        }

        @Test
        void aNonceWorksOnceInAnyOrder() {
            Nonces a = node(Nonces.WINDOW);
            String first = a.next();
            String second = a.next();

            assertThat(a.redeem(second)).isTrue();
            assertThat(a.redeem(first)).isTrue();
            assertThat(a.redeem(first)).isFalse();
            assertThat(a.redeem(second)).isFalse();
        }

        @Test
        void noncesFromBeforeARestartOrFromAnotherProcessAreRefused() {
            String fromOldProcess = node(Nonces.WINDOW).next();

            assertThat(node(Nonces.WINDOW).redeem(fromOldProcess)).isFalse();
        }

        @Test
        void forgedGarbledAndExpiredNoncesAreRefused() {
            refusesForgedGarbledAndExpired(node(Nonces.WINDOW));
        }

        @Test
        void aNonceThatFellAWindowBehindTheNewestRedeemedIsRefusedAndTheRestStillWorkOnce() {
            Nonces a = node(64);
            String old = a.next();
            String kept = a.next();
            List<String> later = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                later.add(a.next());
            }

            assertThat(a.redeem(later.get(63))).isTrue(); // counter 66: the window is now [3, 67)
            assertThat(a.redeem(old)).isFalse(); // counter 1 fell out of it
            assertThat(a.redeem(kept)).isFalse(); // counter 2 as well
            assertThat(a.redeem(later.get(0))).isTrue(); // counter 3, the oldest it still remembers
            assertThat(a.redeem(later.get(0))).isFalse();
            assertThat(a.redeem(later.get(63))).isFalse();

            // far ahead: the whole window is forgotten at once, and nothing before it works
            List<String> farther = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                farther.add(a.next());
            }
            assertThat(a.redeem(farther.get(199))).isTrue();
            assertThat(a.redeem(later.get(1))).isFalse();
            assertThat(a.redeem(farther.get(199))).isFalse();
            assertThat(a.redeem(farther.get(150))).isTrue();
        }

        @Test
        void concurrentRedemptionsOfTheSameNoncesLetExactlyOneWinEach() throws Exception {
            Nonces a = node(Nonces.WINDOW);
            List<String> nonces = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                nonces.add(a.next());
            }
            AtomicInteger wins = new AtomicInteger();
            ConcurrentHashMap<String, Integer> winners = new ConcurrentHashMap<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
                List<Future<?>> runs = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    runs.add(pool.submit(() -> {
                        for (String n : nonces) {
                            if (a.redeem(n)) {
                                wins.incrementAndGet();
                                winners.merge(n, 1, Integer::sum);
                            }
                        }
                    }));
                }
                for (Future<?> f : runs) {
                    f.get();
                }
            }
            assertThat(wins.get()).isEqualTo(2000);
            assertThat(winners).hasSize(2000).allSatisfy((n, count) -> assertThat(count).isEqualTo(1));
        }

        @Test
        void aWindowThatIsNotAPowerOfTwoIsRefused() {
            assertThatThrownBy(() -> node(100)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("power of two");
        }
    }
}
