package dev.certa.store;

import static dev.certa.store.Certificates.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link CertificateLedger} does: record, find, refuse duplicates, revoke, list for CRLs. */
abstract class CertificateLedgerContract extends StoreContract {

    @Test
    void recordedCertificateIsFoundWithEveryField() {
        IssuedCertificateRecord record = recorded(Certificates.any().withNames("dns:a.example", "ip:10.0.0.1").profile("client"));

        StoredCertificate found = store.certificates().find(record.serial()).orElseThrow();

        assertThat(found.isRevoked()).isFalse();
        assertThat(found.revocation()).isEmpty();
        IssuedCertificateRecord back = found.certificate();
        assertThat(back.der()).isEqualTo(record.der());
        assertThat(back).usingRecursiveComparison().isEqualTo(record);
        assertThat(store.certificates().count()).isEqualTo(1);
    }

    @Test
    void aCertificateAndItsTokenAreRecordedTogetherAndATokenWorksOnce() {
        IssuedCertificateRecord first = Certificates.any().record();
        IssuedCertificateRecord second = Certificates.any().record();
        Instant expires = Certificates.T0.plusSeconds(300);

        assertThat(store.certificates().recordWithToken(first, "ops", "jti-1", expires)).isTrue();
        assertThat(store.certificates().recordWithToken(second, "ops", "jti-1", expires)).isFalse();

        assertThat(store.certificates().find(first.serial())).isPresent();
        assertThat(store.certificates().find(second.serial())).as("nothing recorded for a replayed token").isEmpty();
        assertThat(store.tokens().markUsed("ops", "jti-1", expires)).as("the token is used for every ledger").isFalse();
        assertThat(store.tokens().markUsed("ops", "jti-2", expires)).isTrue();
        assertThat(store.certificates().recordWithToken(second, "ops", "jti-2", expires)).isFalse();
        assertThat(store.certificates().recordWithToken(second, "other", "jti-2", expires)).as("ids are per provisioner").isTrue();
    }

    @Test
    void racingRequestsWithOneTokenRecordExactlyOneCertificate() throws Exception {
        Instant expires = Certificates.T0.plusSeconds(300);
        java.util.List<IssuedCertificateRecord> records = java.util.stream.IntStream.range(0, 16)
                .mapToObj(i -> Certificates.any().record()).toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (IssuedCertificateRecord r : records) {
                results.add(pool.submit(() -> store.certificates().recordWithToken(r, "ops", "shared", expires)));
            }
            int recorded = 0;
            for (var f : results) {
                recorded += f.get() ? 1 : 0;
            }
            assertThat(recorded).isEqualTo(1);
            assertThat(store.certificates().count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void certificateWithoutNamesRoundTrips() {
        IssuedCertificateRecord record = recorded(Certificates.any().withNames());

        assertThat(store.certificates().find(record.serial()).orElseThrow().certificate().names()).isEmpty();
    }

    @Test
    void serialsAtTheEdgesOfTheRangeRoundTrip() {
        BigInteger smallest = BigInteger.ONE;
        BigInteger largest = BigInteger.TWO.pow(160).subtract(BigInteger.ONE);
        recorded(Certificates.any().serial(smallest));
        recorded(Certificates.any().serial(largest));

        assertThat(store.certificates().find(smallest)).isPresent();
        assertThat(store.certificates().find(largest).orElseThrow().certificate().serial()).isEqualTo(largest);
    }

    @Test
    void serialLongerThanTwentyOctetsIsRefused() {
        var record = Certificates.any().serial(BigInteger.TWO.pow(160)).record();

        assertThatThrownBy(() -> store.certificates().record(record))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("20 octets");
    }

    @Test
    void nameWithLineBreakIsRefused() {
        var record = Certificates.any().withNames("dns:a.example\ndns:b.example").record();

        assertThatThrownBy(() -> store.certificates().record(record)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.certificates().count()).isZero();
    }

    @Test
    void instantsAreKeptToTheMicrosecond() {
        Instant precise = Instant.parse("2026-03-01T12:00:00.123456789Z");
        IssuedCertificateRecord record = recorded(Certificates.any().issuedAt(precise));

        Instant back = store.certificates().find(record.serial()).orElseThrow().certificate().issuedAt();

        assertThat(back).isEqualTo(Instant.parse("2026-03-01T12:00:00.123456Z"));
    }

    @Test
    void farFutureNotAfterRoundTrips() {
        Instant noWellDefinedExpiration = Instant.parse("9999-12-31T23:59:59Z"); // RFC 5280 4.1.2.5
        IssuedCertificateRecord record = recorded(Certificates.any().notAfter(noWellDefinedExpiration));

        assertThat(store.certificates().find(record.serial()).orElseThrow().certificate().notAfter())
                .isEqualTo(noWellDefinedExpiration);
    }

    @Test
    void unknownSerialIsNotFound() {
        recorded(Certificates.any());

        assertThat(store.certificates().find(Certificates.randomSerial())).isEmpty();
    }

    @Test
    void duplicateSerialIsRefusedAndTheOriginalKept() {
        IssuedCertificateRecord original = recorded(Certificates.any().requester("first"));
        var second = Certificates.any().serial(original.serial()).requester("second").record();

        assertThatThrownBy(() -> store.certificates().record(second))
                .isInstanceOfSatisfying(DuplicateSerialException.class,
                        e -> assertThat(e.serial()).isEqualTo(original.serial()));

        IssuedCertificateRecord kept = store.certificates().find(original.serial()).orElseThrow().certificate();
        assertThat(kept.requester()).isEqualTo("first");
        assertThat(kept.der()).isEqualTo(original.der());
        assertThat(store.certificates().count()).isEqualTo(1);
    }

    @Test
    void revokingAValidCertificateRevokesIt() {
        IssuedCertificateRecord record = recorded(Certificates.any());
        var revocation = new Revocation(T0.plus(Duration.ofDays(1)), 1, "admin:bob");

        assertThat(store.certificates().revoke(record.serial(), revocation)).isEqualTo(RevokeOutcome.REVOKED);

        StoredCertificate found = store.certificates().find(record.serial()).orElseThrow();
        assertThat(found.isRevoked()).isTrue();
        assertThat(found.revocation()).contains(revocation);
    }

    @Test
    void revokingAgainKeepsTheFirstRevocation() {
        IssuedCertificateRecord record = recorded(Certificates.any());
        var first = new Revocation(T0.plus(Duration.ofDays(1)), 1, "admin:bob");
        store.certificates().revoke(record.serial(), first);

        RevokeOutcome again = store.certificates().revoke(record.serial(), new Revocation(T0.plus(Duration.ofDays(2)), 4, "holder"));

        assertThat(again).isEqualTo(RevokeOutcome.ALREADY_REVOKED);
        assertThat(store.certificates().find(record.serial()).orElseThrow().revocation()).contains(first);
    }

    @Test
    void revokingAnUnknownSerialSaysSo() {
        RevokeOutcome outcome = store.certificates().revoke(Certificates.randomSerial(), new Revocation(T0, 0, "admin"));

        assertThat(outcome).isEqualTo(RevokeOutcome.UNKNOWN_SERIAL);
        assertThat(store.certificates().count()).isZero();
    }

    @Test
    void revokedByListsOneIssuersRevokedCertificatesFromTheNotAfterCutOff() {
        Instant cutOff = T0.plus(Duration.ofDays(30));
        IssuedCertificateRecord expiresAtCutOff = recorded(Certificates.any().notAfter(cutOff));
        IssuedCertificateRecord expiresLater = recorded(Certificates.any().notAfter(cutOff.plus(Duration.ofDays(60))));
        IssuedCertificateRecord expiredBefore = recorded(Certificates.any().notAfter(cutOff.minusSeconds(1)));
        IssuedCertificateRecord otherIssuer = recorded(Certificates.any().issuer("issuer-b"));
        IssuedCertificateRecord notRevoked = recorded(Certificates.any());
        var revocation = new Revocation(T0.plus(Duration.ofDays(2)), 1, "admin");
        for (var record : List.of(expiresAtCutOff, expiresLater, expiredBefore, otherIssuer)) {
            store.certificates().revoke(record.serial(), revocation);
        }

        List<RevokedEntry> crl = store.certificates().revokedBy("issuer-a", cutOff);

        assertThat(crl).containsExactlyInAnyOrder(
                new RevokedEntry(expiresAtCutOff.serial(), revocation.revokedAt(), 1),
                new RevokedEntry(expiresLater.serial(), revocation.revokedAt(), 1));
        assertThat(crl).extracting(RevokedEntry::serial).doesNotContain(notRevoked.serial());
        assertThat(store.certificates().revokedBy("issuer-b", cutOff)).extracting(RevokedEntry::serial)
                .containsExactly(otherIssuer.serial());
        assertThat(store.certificates().revokedBy("issuer-c", cutOff)).isEmpty();
    }

    @Test
    void revokedByIsInSerialOrder() {
        for (int i = 0; i < 20; i++) {
            var record = recorded(Certificates.any());
            store.certificates().revoke(record.serial(), new Revocation(T0, 0, "admin"));
        }

        assertThat(store.certificates().revokedBy("issuer-a", T0)).extracting(RevokedEntry::serial).isSorted();
    }

    @Test
    void revocationVersionGrowsWithEachRevocation() {
        IssuedCertificateRecord a = recorded(Certificates.any());
        IssuedCertificateRecord b = recorded(Certificates.any());
        long start = store.certificates().revocationVersion();
        var revocation = new Revocation(T0, 0, "admin");

        store.certificates().revoke(a.serial(), revocation);
        long afterOne = store.certificates().revocationVersion();
        store.certificates().revoke(b.serial(), revocation);
        long afterTwo = store.certificates().revocationVersion();
        store.certificates().revoke(a.serial(), revocation); // already revoked: nothing changes
        store.certificates().revoke(Certificates.randomSerial(), revocation); // unknown: nothing changes

        assertThat(afterOne).isGreaterThan(start);
        assertThat(afterTwo).isGreaterThan(afterOne);
        assertThat(store.certificates().revocationVersion()).isEqualTo(afterTwo);
    }
}
