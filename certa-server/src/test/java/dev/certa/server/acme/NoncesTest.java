package dev.certa.server.acme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.server.testing.MovableClock;
import dev.certa.store.CertaStore;
import dev.certa.store.StoreConfig;
import dev.certa.store.Stores;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nonces: usable once, on any node sharing the store; forged and expired ones refused. */
class NoncesTest {
    @TempDir
    Path dir;
    private CertaStore store;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T00:00:00Z"));

    @BeforeEach
    void open() {
        store = Stores.open(new StoreConfig.Sqlite(dir.resolve("certa.db")));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Nonces node() {
        return new Nonces(store.acme(), clock, new SecureRandom(), Duration.ofHours(1));
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
        Nonces a = node();
        String n = a.next();
        char c = n.charAt(30);
        assertThat(a.redeem(n.substring(0, 30) + (c == 'A' ? 'B' : 'A') + n.substring(31))).isFalse();
        assertThat(a.redeem("not a nonce")).isFalse();
        assertThat(a.redeem("")).isFalse();

        clock.advance(Duration.ofMinutes(61));
        assertThat(a.redeem(n)).isFalse();
        assertThat(a.redeem(a.next())).isTrue();
    }
}
