package dev.certa.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatementCacheTest {
    @TempDir
    Path dir;

    private Connection open() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"));
    }

    private static PreparedStatement underlying(PreparedStatement ps) throws SQLException {
        return ps.unwrap(PreparedStatement.class);
    }

    @Test
    void aClosedStatementIsPreparedOnceAndReusedWithItsParametersCleared() throws Exception {
        try (Connection c = StatementCache.wrap(open())) {
            PreparedStatement first;
            try (PreparedStatement ps = c.prepareStatement("SELECT ?")) {
                first = underlying(ps);
                ps.setString(1, "x");
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("x");
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT ?")) {
                assertThat(underlying(ps)).isSameAs(first);
                try (ResultSet rs = ps.executeQuery()) { // nothing bound this time: NULL, not the last value
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isNull();
                }
            }
        }
    }

    @Test
    void theSameQueryNestedInsideItselfGetsAStatementOfItsOwn() throws Exception {
        try (Connection c = StatementCache.wrap(open());
                PreparedStatement outer = c.prepareStatement("SELECT ?");
                PreparedStatement inner = c.prepareStatement("SELECT ?")) {
            assertThat(underlying(inner)).isNotSameAs(underlying(outer));
            outer.setInt(1, 1);
            inner.setInt(1, 2);
            try (ResultSet a = outer.executeQuery(); ResultSet b = inner.executeQuery()) {
                assertThat(a.next() && b.next()).isTrue();
                assertThat(a.getInt(1)).isEqualTo(1);
                assertThat(b.getInt(1)).isEqualTo(2);
            }
        }
    }

    @Test
    void aStatementOnceClosedCannotBeUsedThroughTheSameHandle() throws Exception {
        try (Connection c = StatementCache.wrap(open())) {
            PreparedStatement ps = c.prepareStatement("SELECT 1");
            ps.close();
            assertThat(ps.isClosed()).isTrue();
            assertThatThrownBy(ps::executeQuery).isInstanceOf(SQLException.class);
            ps.close(); // again: harmless, and does not release someone else's use
            try (PreparedStatement again = c.prepareStatement("SELECT 1"); ResultSet rs = again.executeQuery()) {
                assertThat(rs.next()).isTrue();
            }
        }
    }

    @Test
    void closingTheConnectionClosesWhatItKeptAndTheOldestGoFirst() throws Exception {
        Connection c = StatementCache.wrap(open());
        PreparedStatement oldest;
        try (PreparedStatement ps = c.prepareStatement("SELECT 0")) {
            oldest = underlying(ps);
        }
        for (int i = 1; i <= StatementCache.MAX; i++) {
            c.prepareStatement("SELECT " + i).close();
        }
        assertThat(oldest.isClosed()).isTrue();
        PreparedStatement kept;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + StatementCache.MAX)) {
            kept = underlying(ps);
        }
        c.close();
        assertThat(kept.isClosed()).isTrue();
    }

    @Test
    void aKeptStatementHoldsNoReadTransactionSoTheWalCanBeCheckpointed() throws Exception {
        try (Connection writer = open(); Statement w = writer.createStatement()) {
            w.execute("PRAGMA journal_mode=WAL");
            w.execute("CREATE TABLE t (x INTEGER)");
            w.execute("INSERT INTO t VALUES (1), (2), (3)");
            try (Connection reader = StatementCache.wrap(open())) {
                try (PreparedStatement ps = reader.prepareStatement("SELECT x FROM t"); ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue(); // read one row, leave the others
                }
                w.execute("INSERT INTO t VALUES (4)");
                try (ResultSet rs = w.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).as("busy").isZero();
                }
                try (PreparedStatement ps = reader.prepareStatement("SELECT count(*) FROM t"); ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(4);
                }
            }
        }
    }
}
