package dev.certa.store;

import static dev.certa.store.Certificates.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link CertificateLedger#search} finds, in which order, page by page. */
abstract class CertificateSearchContract extends StoreContract {

    private static List<BigInteger> serials(List<StoredCertificate> found) {
        return found.stream().map(c -> c.certificate().serial()).toList();
    }

    @Test
    void searchByNameFindsEveryCertificateWithThatName() {
        var a = recorded(Certificates.any().withNames("dns:a.example", "dns:www.a.example"));
        var both = recorded(Certificates.any().withNames("dns:b.example", "dns:a.example"));
        recorded(Certificates.any().withNames("dns:b.example"));

        var found = store.certificates().search(CertificateQuery.all(100).withName("dns:a.example"));

        assertThat(serials(found)).containsExactlyInAnyOrder(a.serial(), both.serial());
        assertThat(store.certificates().search(CertificateQuery.all(100).withName("dns:c.example"))).isEmpty();
    }

    @Test
    void searchByNameIsExact() {
        recorded(Certificates.any().withNames("dns:a.example"));

        assertThat(store.certificates().search(CertificateQuery.all(10).withName("dns:a.exampl"))).isEmpty();
        assertThat(store.certificates().search(CertificateQuery.all(10).withName("a.example"))).isEmpty();
    }

    @Test
    void aNameListedTwiceInOneCertificateIsFoundOnce() {
        var record = recorded(Certificates.any().withNames("dns:a.example", "dns:a.example"));

        assertThat(serials(store.certificates().search(CertificateQuery.all(10).withName("dns:a.example"))))
                .containsExactly(record.serial());
        assertThat(store.certificates().find(record.serial()).orElseThrow().certificate().names())
                .containsExactly("dns:a.example", "dns:a.example");
    }

    @Test
    void searchByRequester() {
        var alice = recorded(Certificates.any().requester("acme:https://ca.example/acct/1"));
        recorded(Certificates.any().requester("acme:https://ca.example/acct/2"));

        var found = store.certificates().search(CertificateQuery.all(10).withRequester("acme:https://ca.example/acct/1"));

        assertThat(serials(found)).containsExactly(alice.serial());
    }

    @Test
    void searchByRevocationState() {
        var revoked = recorded(Certificates.any());
        var valid = recorded(Certificates.any());
        store.certificates().revoke(revoked.serial(), new Revocation(T0, 1, "admin"));

        var onlyRevoked = store.certificates().search(CertificateQuery.all(10).withRevoked(true));
        var onlyValid = store.certificates().search(CertificateQuery.all(10).withRevoked(false));

        assertThat(serials(onlyRevoked)).containsExactly(revoked.serial());
        assertThat(onlyRevoked.getFirst().revocation()).isPresent();
        assertThat(serials(onlyValid)).containsExactly(valid.serial());
    }

    @Test
    void searchByExpiringBefore() {
        var soon = recorded(Certificates.any().notAfter(T0.plus(Duration.ofDays(3))));
        var exactlyAtLimit = recorded(Certificates.any().notAfter(T0.plus(Duration.ofDays(7))));
        recorded(Certificates.any().notAfter(T0.plus(Duration.ofDays(90))));

        var found = store.certificates().search(CertificateQuery.all(10).withExpiringBefore(T0.plus(Duration.ofDays(7))));

        assertThat(serials(found)).containsExactly(soon.serial()).doesNotContain(exactlyAtLimit.serial());
    }

    @Test
    void filtersCombine() {
        var match = recorded(Certificates.any().withNames("dns:a.example").requester("r1").notAfter(T0.plus(Duration.ofDays(1))));
        recorded(Certificates.any().withNames("dns:a.example").requester("r2").notAfter(T0.plus(Duration.ofDays(1))));
        recorded(Certificates.any().withNames("dns:a.example").requester("r1").notAfter(T0.plus(Duration.ofDays(90))));
        var revoked = recorded(Certificates.any().withNames("dns:a.example").requester("r1").notAfter(T0.plus(Duration.ofDays(1))));
        store.certificates().revoke(revoked.serial(), new Revocation(T0, 0, "admin"));

        var found = store.certificates().search(CertificateQuery.all(10).withName("dns:a.example").withRequester("r1")
                .withExpiringBefore(T0.plus(Duration.ofDays(2))).withRevoked(false));

        assertThat(serials(found)).containsExactly(match.serial());
    }

    @Test
    void resultsComeNewestFirstAndPageWithoutGapsOrRepeats() {
        List<IssuedCertificateRecord> records = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            // Pairs share an issuing instant, so the order within one instant (by serial) is exercised too.
            records.add(recorded(Certificates.any().issuedAt(T0.plusSeconds(i / 2))));
        }
        List<BigInteger> expected = records.stream()
                .sorted(Comparator.comparing(IssuedCertificateRecord::issuedAt)
                        .thenComparing(IssuedCertificateRecord::serial).reversed())
                .map(IssuedCertificateRecord::serial)
                .toList();

        List<BigInteger> paged = new ArrayList<>();
        CertificateQuery query = CertificateQuery.all(10);
        List<Integer> pageSizes = new ArrayList<>();
        while (true) {
            List<StoredCertificate> page = store.certificates().search(query);
            pageSizes.add(page.size());
            paged.addAll(serials(page));
            if (page.size() < 10) {
                break;
            }
            query = query.after(page.getLast().certificate().serial());
        }

        assertThat(pageSizes).containsExactly(10, 10, 5);
        assertThat(paged).containsExactlyElementsOf(expected);
    }

    @Test
    void pagingKeepsTheFilter() {
        for (int i = 0; i < 6; i++) {
            recorded(Certificates.any().withNames("dns:a.example").issuedAt(T0.plusSeconds(i)));
            recorded(Certificates.any().withNames("dns:b.example").issuedAt(T0.plusSeconds(i)));
        }
        var query = CertificateQuery.all(4).withName("dns:b.example");

        var first = store.certificates().search(query);
        var second = store.certificates().search(query.after(first.getLast().certificate().serial()));

        assertThat(first).hasSize(4);
        assertThat(second).hasSize(2);
        assertThat(first).extracting(c -> c.certificate().names()).allSatisfy(n -> assertThat(n).contains("dns:b.example"));
        assertThat(second).extracting(c -> c.certificate().names()).allSatisfy(n -> assertThat(n).contains("dns:b.example"));
    }

    @Test
    void afterAnUnknownSerialThereIsNothing() {
        recorded(Certificates.any());

        assertThat(store.certificates().search(CertificateQuery.all(10).after(Certificates.randomSerial()))).isEmpty();
    }

    @Test
    void limitIsRespected() {
        for (int i = 0; i < 5; i++) {
            recorded(Certificates.any());
        }

        assertThat(store.certificates().search(CertificateQuery.all(3))).hasSize(3);
    }
}
