package dev.certa.core.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.issue.CaUrls;
import dev.certa.core.issue.IssuanceRequest;
import dev.certa.core.issue.IssuedCertificate;
import dev.certa.core.issue.Issuer;
import dev.certa.core.key.KeyType;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.name.SubjectAltName;
import dev.certa.core.pem.PasswordSource;
import dev.certa.core.profile.Profile;
import dev.certa.core.revocation.RevocationReason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline CA's ledger: what it records, and that a crash mid-write never leaves half a record. */
class CaLedgerTest {
    private static final Instant T0 = Instant.parse("2026-12-08T10:00:00Z");

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    static CaDirectory ca;
    static IssuedCertificate leaf;
    static IssuedCertificate other;

    @BeforeAll
    static void ca() {
        SecureRandom random = new SecureRandom();
        Issuer issuer = new Issuer(Clock.systemUTC(), random);
        ca = new CaDirectory(shared.resolve("ca"));
        ca.init(new CaDirectory.InitSpec("Ledger", KeyType.EC_P256, Duration.ofDays(3650),
                Optional.of(new CaDirectory.IntermediateSpec(CaDirectory.DEFAULT_INTERMEDIATE, "Ledger Intermediate CA",
                        KeyType.EC_P256, Duration.ofDays(1000), Profile.IntermediateCa.issuingLeavesOnly())),
                CaUrls.NONE), Optional.empty(), issuer, random, false);
        var issuing = ca.issuingCa(CaDirectory.DEFAULT_INTERMEDIATE, PasswordSource.none());
        leaf = issuer.issue(request("api.ledger.test"), issuing);
        other = issuer.issue(request("www.ledger.test"), issuing);
    }

    private static IssuanceRequest request(String name) {
        var key = KeyType.EC_P256.generate(new SecureRandom());
        return IssuanceRequest.forKey(key.getPublic(), DistinguishedNames.commonName(name), List.of(SubjectAltName.parse(name)),
                new Profile.TlsServer());
    }

    private static LedgerCertificate record(IssuedCertificate c) {
        return LedgerCertificate.of(c.certificate(), c.issuerChain().get(0), "ca", "server");
    }

    private CaLedger ledger() {
        return new CaLedger(tmp.resolve(CaLedger.FILE));
    }

    @Test
    void initRecordsTheIntermediateAsIssuedByTheRootInAFileOnlyTheOwnerReads() throws Exception {
        LedgerState state = ca.ledger().read();
        LedgerCertificate intermediate = state.certificates().get(0);
        assertThat(intermediate.issuer()).isEqualTo("root");
        assertThat(intermediate.profile()).isEqualTo("intermediate-ca");
        assertThat(intermediate.subject()).contains("CN=Ledger Intermediate CA");
        assertThat(intermediate.certificate()).isEqualTo(ca.issuingCa("ca", PasswordSource.none()).certificate());
        assertThat(intermediate.issuerKey()).isEqualTo(LedgerCertificate.keyId(ca.rootCertificate()));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ca.ledger().file()))).isEqualTo("rw-------");
    }

    @Test
    void aRecordReadsBackAsWrittenAndTheFirstRevocationStands() {
        CaLedger ledger = ledger();
        ledger.record(record(leaf));
        assertThat(ledger.read().certificates()).containsExactly(record(leaf));
        assertThat(ledger.read().certificates().get(0).names()).containsExactly("DNS:api.ledger.test");

        var first = ledger.revoke(leaf.encoded().serial(), RevocationReason.KEY_COMPROMISE, T0);
        var second = ledger.revoke(leaf.encoded().serial(), RevocationReason.SUPERSEDED, T0.plusSeconds(60));

        assertThat(first.alreadyRevoked()).isFalse();
        assertThat(second.alreadyRevoked()).isTrue();
        assertThat(second.standing()).isEqualTo(new LedgerRevocation(leaf.encoded().serial(),
                LedgerCertificate.keyId(leaf.issuerChain().get(0)), T0, RevocationReason.KEY_COMPROMISE));
        LedgerState state = ledger.read();
        assertThat(state.status(state.certificates().get(0), T0)).isEqualTo(LedgerStatus.REVOKED);
        assertThat(state.damage()).isEmpty();
    }

    @Test
    void anUnknownSerialIsRefusedNamingTheCaDirectory() {
        CaLedger ledger = ledger();
        ledger.record(record(leaf));
        assertThatThrownBy(() -> ledger.revoke(other.encoded().serial(), RevocationReason.UNSPECIFIED, T0))
                .isInstanceOf(CertaException.class)
                .satisfies(e -> assertThat(((CertaException) e).kind()).isEqualTo(ErrorKind.NOT_FOUND))
                .hasMessageContaining("the CA in " + tmp + " has no record of a certificate with serial "
                        + other.encoded().serial().toString(16));
    }

    @Test
    void aRevocationCutShortAtAnyByteReadsAsBeforeAndTheNextWriteRepairsTheLedger() throws Exception {
        CaLedger ledger = ledger();
        ledger.record(record(leaf));
        byte[] before = Files.readAllBytes(ledger.file());
        ledger.revoke(leaf.encoded().serial(), RevocationReason.KEY_COMPROMISE, T0);
        byte[] after = Files.readAllBytes(ledger.file());
        assertThat(after.length).isGreaterThan(before.length + 100);

        for (int cut = before.length; cut < after.length; cut++) {
            Files.write(ledger.file(), java.util.Arrays.copyOf(after, cut)); // the crash: only `cut` bytes reached the disk
            LedgerState state = ledger.read();
            assertThat(state.certificates()).as("cut at %d", cut).containsExactly(record(leaf));
            assertThat(state.revocations()).as("cut at %d", cut).isEmpty();
            assertThat(state.damage().isPresent()).as("cut at %d", cut).isEqualTo(cut > before.length);

            var again = ledger.revoke(leaf.encoded().serial(), RevocationReason.AFFILIATION_CHANGED, T0.plusSeconds(cut));
            assertThat(again.alreadyRevoked()).as("cut at %d", cut).isFalse();
            LedgerState repaired = ledger.read();
            assertThat(repaired.damage()).as("cut at %d", cut).isEmpty();
            assertThat(repaired.revocation(leaf.encoded().serial()).orElseThrow().reason())
                    .isEqualTo(RevocationReason.AFFILIATION_CHANGED);
        }
    }

    @Test
    void aChangedByteInTheLastLineIsIgnoredAndReported() throws Exception {
        CaLedger ledger = ledger();
        ledger.record(record(leaf));
        ledger.revoke(leaf.encoded().serial(), RevocationReason.KEY_COMPROMISE, T0);
        byte[] bytes = Files.readAllBytes(ledger.file());
        bytes[bytes.length - 40] ^= 0x01; // inside the revocation's checksum or its reason
        Files.write(ledger.file(), bytes);

        LedgerState state = ledger.read();
        assertThat(state.revocations()).isEmpty();
        assertThat(state.damage()).hasValueSatisfying(d -> assertThat(d).contains("last line (2) is damaged"));
    }

    @Test
    void aDamagedLineFollowedByGoodOnesIsRefusedRatherThanGuessed() throws Exception {
        CaLedger ledger = ledger();
        ledger.record(record(leaf));
        ledger.record(record(other));
        byte[] bytes = Files.readAllBytes(ledger.file());
        bytes[30] ^= 0x01;
        Files.write(ledger.file(), bytes);

        assertThatThrownBy(ledger::read).isInstanceOf(CertaException.class)
                .satisfies(e -> assertThat(((CertaException) e).describe())
                        .contains("is damaged: line 1 is not a valid record (its checksum does not match)")
                        .contains("restore ledger.jsonl from a backup"));
        assertThatThrownBy(() -> ledger.revoke(leaf.encoded().serial(), RevocationReason.UNSPECIFIED, T0))
                .isInstanceOf(CertaException.class);
        assertThat(Files.readAllBytes(ledger.file())).isEqualTo(bytes);
    }

    @Test
    void writersInOneProcessTakeTurnsAndLoseNothing() throws Exception {
        CaLedger ledger = ledger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                IssuedCertificate c = i % 2 == 0 ? leaf : other;
                writes.add(pool.submit(() -> ledger.record(record(c))));
            }
            for (Future<?> f : writes) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(ledger.read().certificates()).hasSize(40);
        assertThat(ledger.read().damage()).isEmpty();
    }

    @Test
    void crlNumbersGrowAndEachCaListsWhatItRevoked() {
        CaCrls crls = new CaCrls(ca);
        var first = crls.sign(PasswordSource.none(), T0, Duration.ofDays(7));
        ca.recordIssued("ca", leaf, new Profile.TlsServer());
        ca.ledger().revoke(leaf.encoded().serial(), RevocationReason.KEY_COMPROMISE, T0);
        var second = crls.sign(PasswordSource.none(), T0.plusSeconds(60), Duration.ofDays(7));

        assertThat(first).extracting(CaCrls.CaCrl::fileBase).containsExactly("root-ca", "intermediate-ca");
        assertThat(second.get(0).crl().number()).isGreaterThan(first.get(0).crl().number());
        assertThat(second.get(1).crl().number()).isGreaterThan(first.get(1).crl().number());
        X509CRL intermediate = second.get(1).crl().toX509Crl();
        assertThat(intermediate.getRevokedCertificate(leaf.encoded().serial())).isNotNull();
        assertThat(intermediate.getThisUpdate().toInstant()).isEqualTo(T0.plusSeconds(60).minus(CaCrls.BACKDATE));
        assertThat(intermediate.getNextUpdate().toInstant()).isEqualTo(T0.plusSeconds(60).plus(Duration.ofDays(7)));
        assertThat(second.get(0).crl().toX509Crl().getRevokedCertificates()).isNull();
    }
}
