package dev.certa.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certa.store.IssuedCertificateRecord;
import dev.certa.store.StoreConfig;
import dev.certa.store.StoreException;
import dev.certa.store.Stores;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Group commit on its own, over a raw SQLite connection: batching, isolation of failures, closing. */
class GroupCommitterTest {
    @TempDir
    Path directory;

    private Connection connection;
    private GroupCommitter committer;
    private final AtomicInteger transactions = new AtomicInteger();
    private final List<Boolean> flushes = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void open() throws SQLException {
        Path file = directory.resolve("certa.db");
        Stores.open(new StoreConfig.Sqlite(file)).close(); // the schema
        connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        connection.setAutoCommit(false);
        committer = new GroupCommitter(new WriteConnections() {
            @Override
            public Connection acquire() {
                transactions.incrementAndGet();
                return connection;
            }

            @Override
            public void release(Connection c) {}

            @Override
            public void flushAtCommit(Connection c, boolean flush) {
                flushes.add(flush);
            }

            @Override
            public void close() {}
        }, 1, "test database");
    }

    @AfterEach
    void close() throws SQLException {
        committer.close();
        connection.close();
    }

    private static IssuedCertificateRecord certificate(long serial) {
        Instant t = Instant.parse("2026-03-01T00:00:00Z");
        return new IssuedCertificateRecord(BigInteger.valueOf(serial), "issuer", new byte[] {0x30, 0}, List.of("dns:x"),
                t, t.plusSeconds(60), "server", "test", t);
    }

    private long count() throws SQLException {
        return committer.write(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM certificates")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void onlyABatchOfRelaxedWritesAloneSkipsTheDiskFlush() throws Exception {
        long relaxed = committer.writeRelaxed(c -> 1L);
        assertThat(flushes).containsExactly(false);

        long durable = committer.write(c -> 2L);
        assertThat(durable).isEqualTo(2L);
        assertThat(committer.record(certificate(77))).isTrue();
        assertThat(flushes).containsExactly(false, true, true);
        assertThat(relaxed).isEqualTo(1L);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void concurrentWritesShareTransactions() throws Exception {
        int threads = 16;
        int each = 50;
        var start = new CyclicBarrier(threads);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int base = t * each;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 1; i <= each; i++) {
                        assertThat(committer.record(certificate(base + i))).isTrue();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }

        assertThat(count()).isEqualTo((long) threads * each);
        assertThat(transactions.get()).as("transactions for %d writes", threads * each).isLessThan(threads * each);
    }

    @Test
    void aFailingWriteFailsOnlyItsOwnCaller() throws Exception {
        int threads = 16;
        var start = new CyclicBarrier(threads);
        List<Future<String>> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int n = t;
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        if (n == 5) {
                            committer.write(c -> c.createStatement().executeUpdate("INSERT INTO no_such_table VALUES (1)"));
                        } else {
                            committer.record(certificate(1000 + n));
                        }
                        return "ok";
                    } catch (StoreException e) {
                        return e.getMessage();
                    }
                }));
            }
        }

        assertThat(outcomes.get(5).get()).contains("could not write to test database").contains("no_such_table");
        for (int t = 0; t < threads; t++) {
            if (t != 5) {
                assertThat(outcomes.get(t).get()).isEqualTo("ok");
            }
        }
        assertThat(count()).isEqualTo(threads - 1);
    }

    @Test
    void whatFollowsACommitRunsInCommitOrderBeforeItsCallerGoesOn() throws Exception {
        List<Long> committedValues = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Long> committedCounts = new java.util.concurrent.CopyOnWriteArrayList<>();
        int threads = 8;
        var start = new CyclicBarrier(threads);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Boolean>> seenOnReturn = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long serial = 100 + t;
                seenOnReturn.add(pool.submit(() -> {
                    start.await();
                    // each write inserts a row, then tells how many rows the database held after its transaction
                    long rows = committer.write(c -> {
                        c.createStatement().executeUpdate("INSERT INTO used_tokens (provisioner, token_id, expires_at) VALUES ('p', '"
                                + serial + "', 0)");
                        try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM used_tokens")) {
                            rs.next();
                            return rs.getLong(1);
                        }
                    }, serial % 2 == 0, n -> {
                        committedCounts.add(n);
                        committedValues.add(serial);
                    });
                    return committedValues.contains(serial) && rows > 0;
                }));
            }
            for (Future<Boolean> f : seenOnReturn) {
                assertThat(f.get()).as("the caller returns after its step after the commit").isTrue();
            }
        }
        assertThat(committedValues).hasSize(threads).doesNotHaveDuplicates();
        assertThat(committedCounts).as("in the order of the commits").isSorted();
        assertThatThrownBy(() -> committer.write(c -> {
            throw new SQLException("refused");
        }, false, x -> committedValues.add(-1L))).isInstanceOf(StoreException.class);
        assertThat(committedValues).as("a write that failed has no step after its commit").doesNotContain(-1L);
    }

    @Test
    void aFailedTransactionIsToldToItsListenersOnTheWriterThreadBeforeItsCallerHearsOfIt() {
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        committer.onFailedTransaction(() -> heard.add(Thread.currentThread().getName()));

        assertThat(committer.<Integer>write(c -> 1)).isEqualTo(1);
        assertThat(heard).as("nothing failed yet").isEmpty();
        assertThatThrownBy(() -> committer.write(c -> {
            throw new SQLException("the disk is full");
        }, false, x -> heard.add("committed?"))).isInstanceOf(StoreException.class).satisfies(e -> assertThat(heard)
                .as("told before the caller got the exception, on the writer's thread").containsExactly("certa-store-writer-0"));
        assertThat(heard).doesNotContain("committed?");
    }

    @Test
    void aDuplicateSerialIsReportedNotThrown() {
        assertThat(committer.record(certificate(7))).isTrue();
        assertThat(committer.record(certificate(7))).isFalse();
    }

    @Test
    void anExceptionFromTheWriteReachesItsCallerUnchanged() {
        assertThatThrownBy(() -> committer.write(c -> {
            throw new IllegalArgumentException("bad input");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad input");
    }

    @Test
    void afterCloseWritesAreRefused() {
        committer.close();

        assertThatThrownBy(() -> committer.record(certificate(1)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("test database is closed");
    }
}
