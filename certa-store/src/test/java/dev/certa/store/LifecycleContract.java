package dev.certa.store;

import static dev.certa.store.Certificates.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Many writers at once, closing, reopening: the store as a server uses it over its lifetime. */
abstract class LifecycleContract extends StoreContract {

    @Test
    void sixteenThreadsRecordingAtOnceAreAllCommittedAndCounted() throws Exception {
        int perThread = 150;
        List<List<BigInteger>> recorded = Concurrently.run(16, t -> () -> {
            List<BigInteger> serials = new ArrayList<>();
            for (int i = 0; i < perThread; i++) {
                var record = Certificates.any().requester("thread-" + t).record();
                store.certificates().record(record);
                serials.add(record.serial());
                if (i % 10 == 0) {
                    // other writes share the batches
                    store.tokens().markUsed("ops", "jti-" + t + "-" + i, T0);
                }
            }
            return serials;
        });

        assertThat(store.certificates().count()).isEqualTo(16L * perThread);
        for (List<BigInteger> serials : recorded) {
            for (BigInteger serial : serials) {
                assertThat(store.certificates().find(serial)).as("serial %s", serial.toString(16)).isPresent();
            }
        }
        assertThat(store.certificates().search(CertificateQuery.all(1000).withRequester("thread-3"))).hasSize(perThread);
    }

    @Test
    void theSameSerialFromSixteenThreadsIsRecordedExactlyOnce() throws Exception {
        BigInteger serial = Certificates.randomSerial();

        List<Boolean> outcomes = Concurrently.run(16, t -> () -> {
            try {
                store.certificates().record(Certificates.any().serial(serial).requester("thread-" + t).record());
                return true;
            } catch (DuplicateSerialException e) {
                return false;
            }
        });

        assertThat(outcomes).containsOnlyOnce(true);
        assertThat(store.certificates().count()).isEqualTo(1);
    }

    @Test
    void aDuplicateFailsOnlyItsOwnCallerAmongConcurrentWrites() throws Exception {
        IssuedCertificateRecord existing = recorded(Certificates.any());

        List<String> outcomes = Concurrently.run(16, t -> () -> {
            var record = t == 7 ? Certificates.any().serial(existing.serial()).record() : Certificates.any().record();
            try {
                store.certificates().record(record);
                return "recorded";
            } catch (DuplicateSerialException e) {
                return "duplicate";
            }
        });

        assertThat(outcomes).containsOnlyOnce("duplicate");
        assertThat(outcomes.get(7)).isEqualTo("duplicate");
        assertThat(store.certificates().count()).isEqualTo(16);
    }

    @Test
    void reopeningKeepsEverything() {
        var kept = recorded(Certificates.any().withNames("dns:kept.example"));
        var revoked = recorded(Certificates.any());
        var revocation = new Revocation(T0.plus(Duration.ofHours(1)), 5, "admin");
        store.certificates().revoke(revoked.serial(), revocation);
        store.tokens().markUsed("ops", "jti-1", T0.plus(Duration.ofDays(1)));
        store.counters().next("crl:issuer-a");
        long version = store.certificates().revocationVersion();
        store.close();

        CertaStore reopened = open();

        assertThat(reopened.certificates().find(kept.serial()).orElseThrow().certificate().der()).isEqualTo(kept.der());
        assertThat(reopened.certificates().find(revoked.serial()).orElseThrow().revocation()).contains(revocation);
        assertThat(reopened.certificates().search(CertificateQuery.all(10).withName("dns:kept.example"))).hasSize(1);
        assertThat(reopened.tokens().markUsed("ops", "jti-1", T0)).isFalse();
        assertThat(reopened.counters().current("crl:issuer-a")).isEqualTo(1);
        assertThat(reopened.certificates().revocationVersion()).isEqualTo(version);
        assertThat(reopened.certificates().count()).isEqualTo(2);
    }

    @Test
    void reopeningTwiceMigratesNothingAndStillWorks() throws Exception {
        store.close();
        CertaStore second = open();
        second.close();
        CertaStore third = open();

        recordedIn(third);
        assertThat(third.certificates().count()).isEqualTo(1);
        try (Connection c = database().connect();
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
            List<String> applied = new ArrayList<>();
            while (rs.next()) {
                applied.add(rs.getString(1) + ":" + rs.getBoolean(2));
            }
            assertThat(applied).containsExactly("1:true", "2:true", "3:true", "4:true", "5:true", "6:true", "7:true", "8:true", "9:true", "10:true");
        }
    }

    @Test
    void aClosedStoreRefusesWrites() {
        store.close();

        assertThatThrownBy(() -> store.certificates().record(Certificates.any().record()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> store.tokens().markUsed("ops", "jti", T0)).isInstanceOf(StoreException.class);
    }

    @Test
    void anOpenStoreIsReachableAndDescribesItself() {
        assertThat(store.isReachable()).isTrue();
        assertThat(store.description()).isNotBlank();
        assertThat(store.toString()).isEqualTo(store.description());
    }

    private static void recordedIn(CertaStore store) {
        store.certificates().record(Certificates.any().record());
    }
}
