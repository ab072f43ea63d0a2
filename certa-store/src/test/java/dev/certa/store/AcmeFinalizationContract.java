package dev.certa.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An ACME order's finalization as every store must keep it (SQLite and PostgreSQL): the certificate and
 * the order's move to valid are one transaction; a failure moves the order to invalid and releases the
 * certificate it claimed to replace, together; a finalization whose node died is found by its start time.
 */
abstract class AcmeFinalizationContract extends StoreContract {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final BigInteger REPLACED = BigInteger.valueOf(0x1234);

    private void order(String id) {
        if (store.acme().account("acc1").isEmpty()) {
            store.acme().createAccount(new AcmeAccount("acc1", "thumb", "{\"kty\":\"EC\"}", List.of(), AcmeStatus.VALID, T0));
        }
        var a = new AcmeAuthorization("a-" + id, "acc1", "dns:a.example.com", AcmeStatus.VALID, T0.plusSeconds(3600), T0, List.of());
        store.acme().createOrder(new AcmeOrder(id, "acc1", AcmeStatus.PENDING, List.of("dns:a.example.com"), List.of(a.id()),
                T0.plusSeconds(3600), Optional.empty(), Optional.empty(), T0, "tlsserver", Optional.empty(), Optional.empty()),
                List.of(a), Set.of());
    }

    /** The order as a store opened afresh reads it (nothing kept in memory). */
    private AcmeOrder fromDatabase(String id) {
        try (CertaStore fresh = database().open()) {
            return fresh.acme().order(id).orElseThrow();
        }
    }

    @Test
    void aFinishedOrderIsValidWithItsCertificateRecordedInTheSameTransaction() {
        order("o1");
        assertThat(store.acme().startFinalizing("o1", T0)).isTrue();
        assertThat(store.acme().startFinalizing("o1", T0)).as("finalized twice").isFalse();
        IssuedCertificateRecord cert = Certificates.any().record();

        assertThat(store.acme().finishOrder("o1", cert)).isTrue();

        assertThat(store.acme().order("o1").orElseThrow().status()).isEqualTo(AcmeStatus.VALID);
        assertThat(fromDatabase("o1").certificateSerial()).contains(cert.serial());
        assertThat(store.certificates().find(cert.serial())).isPresent();
        assertThat(store.acme().accountOfCertificate(cert.serial())).contains("acc1");
    }

    @Test
    void aCertificateForAnOrderFailedMeanwhileIsNotRecorded() {
        order("o1");
        store.acme().startFinalizing("o1", T0);
        assertThat(store.acme().failOrder("o1", "{\"type\":\"urn:ietf:params:acme:error:serverInternal\"}")).isTrue();
        IssuedCertificateRecord cert = Certificates.any().record();

        assertThat(store.acme().finishOrder("o1", cert)).isFalse();

        assertThat(store.certificates().find(cert.serial())).isEmpty();
        assertThat(store.certificates().count()).isZero();
        assertThat(fromDatabase("o1").status()).isEqualTo(AcmeStatus.INVALID);
        assertThat(fromDatabase("o1").certificateSerial()).isEmpty();
        assertThat(store.acme().failOrder("o1", "{}")).as("failed twice").isFalse();
    }

    @Test
    void aDuplicateSerialLeavesTheOrderProcessing() {
        order("o1");
        store.acme().startFinalizing("o1", T0);
        IssuedCertificateRecord taken = recorded(Certificates.any());

        assertThatThrownBy(() -> store.acme().finishOrder("o1", taken)).isInstanceOf(DuplicateSerialException.class);

        assertThat(fromDatabase("o1").status()).isEqualTo(AcmeStatus.PROCESSING);
        assertThat(store.acme().finishOrder("o1", Certificates.any().record())).as("a fresh serial").isTrue();
    }

    @Test
    void aFailedOrderReleasesTheCertificateItClaimedToReplace() {
        order("o1");
        store.acme().startFinalizing("o1", T0);
        assertThat(store.acme().claimReplacement(REPLACED, "o1")).isTrue();

        assertThat(store.acme().failOrder("o1", "{\"type\":\"urn:ietf:params:acme:error:caa\"}")).isTrue();

        assertThat(store.acme().replacementOf(REPLACED)).isEmpty();
        assertThat(fromDatabase("o1").error()).contains("{\"type\":\"urn:ietf:params:acme:error:caa\"}");
        assertThat(store.acme().order("o1").orElseThrow().status()).isEqualTo(AcmeStatus.INVALID);
    }

    @Test
    void aValidOrderIsNeitherFailedNorDoesItLoseItsReplacement() {
        order("o1");
        store.acme().startFinalizing("o1", T0);
        store.acme().claimReplacement(REPLACED, "o1");
        store.acme().finishOrder("o1", Certificates.any().record());

        assertThat(store.acme().failOrder("o1", "{}")).isFalse();

        assertThat(store.acme().replacementOf(REPLACED)).contains("o1");
        assertThat(fromDatabase("o1").status()).isEqualTo(AcmeStatus.VALID);
    }

    @Test
    void stalledFinalizationsAreFoundByWhenTheyStarted() {
        order("old");
        order("recent");
        order("pending");
        order("legacy");
        store.acme().startFinalizing("old", T0);
        store.acme().startFinalizing("recent", T0.plusSeconds(600));
        store.acme().updateOrder("legacy", AcmeStatus.PENDING, AcmeStatus.PROCESSING, Optional.empty(), Optional.empty());

        CertaStore otherNode = open();
        assertThat(otherNode.acme().stalledOrders(T0.plusSeconds(300), 10)).containsExactlyInAnyOrder("old", "legacy");
        assertThat(otherNode.acme().stalledOrders(T0.plusSeconds(300), 1)).hasSize(1);

        assertThat(otherNode.acme().failOrder("old", "{}")).isTrue();
        assertThat(store.acme().stalledOrders(T0.plusSeconds(300), 10)).containsExactly("legacy");
    }
}
