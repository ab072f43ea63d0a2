package dev.certa.store;

import static dev.certa.store.Certificates.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two stores on one PostgreSQL schema are two {@code certa serve} nodes: together they must behave as
 * one CA.
 */
class PostgresClusterTest extends StoreContract {

    @Override
    protected TestDatabase newDatabase() {
        return new PostgresTestDatabase();
    }

    @Test
    void aTokenUsedOnOneNodeIsRefusedOnTheOther() {
        CertaStore other = open();

        assertThat(store.tokens().markUsed("ops", "jti-1", T0)).isTrue();
        assertThat(other.tokens().markUsed("ops", "jti-1", T0)).isFalse();
    }

    @Test
    void nodesRacingOnOneTokenHaveExactlyOneWinner() throws Exception {
        CertaStore other = open();
        for (int round = 0; round < 20; round++) {
            String jti = "race-" + round;
            List<Boolean> results = Concurrently.run(8, i -> () -> (i % 2 == 0 ? store : other).tokens().markUsed("ops", jti, T0));

            assertThat(results).as("round %d", round).containsOnlyOnce(true);
        }
    }

    @Test
    void aSerialRecordedOnOneNodeIsFoundAndRefusedOnTheOther() {
        CertaStore other = open();
        IssuedCertificateRecord record = recorded(Certificates.any());

        assertThat(other.certificates().find(record.serial())).isPresent();
        assertThatThrownBy(() -> other.certificates().record(Certificates.any().serial(record.serial()).record()))
                .isInstanceOf(DuplicateSerialException.class);
    }

    @Test
    void countersAreSharedAndNeverRepeat() throws Exception {
        CertaStore other = open();

        List<List<Long>> perThread = Concurrently.run(8, i -> () -> {
            CertaStore node = i % 2 == 0 ? store : other;
            return java.util.stream.IntStream.range(0, 25).mapToObj(k -> node.counters().next("crl:issuer-a")).toList();
        });

        assertThat(perThread.stream().flatMap(List::stream).toList()).doesNotHaveDuplicates().hasSize(200);
        assertThat(other.counters().current("crl:issuer-a")).isEqualTo(200);
    }

    @Test
    void aRevocationOnOneNodeMovesTheVersionTheOtherSees() {
        CertaStore other = open();
        IssuedCertificateRecord record = recorded(Certificates.any());
        long before = other.certificates().revocationVersion();

        store.certificates().revoke(record.serial(), new Revocation(T0.plus(Duration.ofHours(1)), 1, "admin"));

        assertThat(other.certificates().revocationVersion()).isGreaterThan(before);
        assertThat(other.certificates().revoke(record.serial(), new Revocation(T0, 0, "other")))
                .isEqualTo(RevokeOutcome.ALREADY_REVOKED);
    }

    @Test
    void aClusterLockHeldOnOneNodeIsRefusedOnTheOther() throws Exception {
        CertaStore other = open();
        var held = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        Thread holder = Thread.ofPlatform().start(() -> store.locks().tryWithLock("crl", () -> {
            held.countDown();
            CoordinationContract.await(release);
            return true;
        }));
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

        Optional<String> whileHeld = other.locks().tryWithLock("crl", () -> "ran");
        release.countDown();
        holder.join(10_000);

        assertThat(whileHeld).isEmpty();
        assertThat(other.locks().tryWithLock("crl", () -> "ran")).contains("ran");
    }

    @Test
    void locksOfDifferentSchemasDoNotExcludeEachOther() {
        var otherCa = new PostgresTestDatabase();
        try (CertaStore other = otherCa.open()) {
            Optional<Optional<String>> nested = store.locks().tryWithLock("crl",
                    () -> other.locks().tryWithLock("crl", () -> "ran"));

            assertThat(nested).contains(Optional.of("ran"));
        } finally {
            otherCa.cleanUp();
        }
    }
}
