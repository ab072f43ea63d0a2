package dev.certa.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.issue.CertificateAuthority;
import dev.certa.core.key.Signer;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.CRLReason;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What a CRL holds and what the builder refuses, read back with the JDK's CRL parser. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrlBuilderTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.750Z");
    private RevocationPki pki;

    @BeforeAll
    void ca() {
        pki = new RevocationPki("CRL builder");
    }

    private CrlBuilder builder() {
        return new CrlBuilder(pki.ca).number(7).thisUpdate(NOW).validFor(Duration.ofHours(36));
    }

    @Test
    void theJdkReadsTimesNumberEntriesAndReasons() throws Exception {
        SignedCrl crl = builder()
                .revoke(new RevokedCertificate(BigInteger.valueOf(1001), NOW.minusSeconds(3600), RevocationReason.KEY_COMPROMISE))
                .revoke(new RevokedCertificate(BigInteger.valueOf(1002), NOW.minusSeconds(60), RevocationReason.UNSPECIFIED))
                .sign();
        X509CRL jdk = crl.toX509Crl();

        jdk.verify(pki.ca.certificate().getPublicKey());
        assertThat(jdk.getIssuerX500Principal()).isEqualTo(pki.ca.certificate().getSubjectX500Principal());
        assertThat(jdk.getThisUpdate().toInstant()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z")).isEqualTo(crl.thisUpdate());
        assertThat(jdk.getNextUpdate().toInstant()).isEqualTo(Instant.parse("2026-03-03T00:00:00Z")).isEqualTo(crl.nextUpdate());
        assertThat(jdk.getVersion()).isEqualTo(2);
        assertThat(crl.number()).isEqualTo(7);
        assertThat(crl.size()).isEqualTo(2);
        X509CRLEntry compromised = jdk.getRevokedCertificate(BigInteger.valueOf(1001));
        assertThat(compromised.getRevocationReason()).isEqualTo(CRLReason.KEY_COMPROMISE);
        assertThat(compromised.getRevocationDate().toInstant()).isEqualTo(Instant.parse("2026-03-01T11:00:00Z"));
        assertThat(jdk.getRevokedCertificate(BigInteger.valueOf(1002)).hasExtensions()).isFalse();
        assertThat(crl.pem()).startsWith("-----BEGIN X509 CRL-----");
    }

    @Test
    void everyStatedReasonRoundTripsThroughTheJdk() throws Exception {
        CrlBuilder b = builder();
        long serial = 1;
        for (RevocationReason r : RevocationReason.values()) {
            b.revoke(new RevokedCertificate(BigInteger.valueOf(serial++), NOW, r));
        }
        X509CRL jdk = b.sign().toX509Crl();

        serial = 1;
        for (RevocationReason r : RevocationReason.values()) {
            CRLReason read = jdk.getRevokedCertificate(BigInteger.valueOf(serial++)).getRevocationReason();
            assertThat(read == null ? 0 : read.ordinal()).as(r.rfcName()).isEqualTo(r.code());
        }
    }

    @Test
    void anEmptyCrlHasNoRevokedCertificatesList() {
        X509CRL jdk = builder().sign().toX509Crl();

        assertThat(jdk.getRevokedCertificates()).isNull();
    }

    @Test
    void timesFrom2050AreGeneralizedTime() {
        SignedCrl crl = new CrlBuilder(pki.ca).number(1).thisUpdate(Instant.parse("2049-12-31T00:00:00Z"))
                .nextUpdate(Instant.parse("2050-01-02T00:00:00Z")).sign();

        assertThat(crl.toX509Crl().getNextUpdate().toInstant()).isEqualTo(Instant.parse("2050-01-02T00:00:00Z"));
    }

    @Test
    void theCaKeyIsUsedOnlyThroughTheSignerSeam() throws Exception {
        AtomicInteger signatures = new AtomicInteger();
        Signer software = pki.ca.signer();
        Signer token = new Signer() { // stands in for a PKCS#11 key: no private key object in sight
            @Override
            public PublicKey publicKey() {
                return software.publicKey();
            }

            @Override
            public String algorithm() {
                return software.algorithm();
            }

            @Override
            public byte[] sign(byte[] data) {
                signatures.incrementAndGet();
                return software.sign(data);
            }
        };
        CertificateAuthority ca = new CertificateAuthority(pki.ca.certificate(), pki.ca.chain(), token);
        int before = signatures.get();

        SignedCrl crl = new CrlBuilder(ca).number(3).thisUpdate(NOW).validFor(Duration.ofDays(1)).sign();

        crl.toX509Crl().verify(pki.ca.certificate().getPublicKey());
        assertThat(signatures.get() - before).isEqualTo(1);
    }

    @Test
    void refusesIncompleteOrContradictoryCrls() {
        RevokedCertificate entry = new RevokedCertificate(BigInteger.TEN, NOW, RevocationReason.SUPERSEDED);
        assertKind(() -> new CrlBuilder(pki.ca).thisUpdate(NOW).validFor(Duration.ofDays(1)).sign(), ErrorKind.USAGE, "CRL number");
        assertKind(() -> new CrlBuilder(pki.ca).number(1).validFor(Duration.ofDays(1)).sign(), ErrorKind.USAGE, "thisUpdate");
        assertKind(() -> new CrlBuilder(pki.ca).number(1).thisUpdate(NOW).sign(), ErrorKind.USAGE, "nextUpdate");
        assertKind(() -> builder().nextUpdate(NOW.plusSeconds(60)).sign(), ErrorKind.USAGE, "both");
        assertKind(() -> new CrlBuilder(pki.ca).number(1).thisUpdate(NOW).nextUpdate(NOW).sign(), ErrorKind.BAD_INPUT,
                "not after");
        assertKind(() -> builder().number(-1).sign(), ErrorKind.BAD_INPUT, "out of range");
        assertKind(() -> builder().number(BigInteger.ONE.shiftLeft(159)).sign(), ErrorKind.BAD_INPUT, "out of range");
        assertKind(() -> builder().revoke(entry).revoke(entry).sign(), ErrorKind.BAD_INPUT, "listed twice");
        assertKind(() -> new RevokedCertificate(BigInteger.ZERO, NOW, RevocationReason.SUPERSEDED), ErrorKind.BAD_INPUT,
                "not positive");
    }

    @Test
    void reasonsParseByRfcNameWordsOrCodeAndRemoveFromCrlIsNotOne() {
        assertThat(RevocationReason.parse("keyCompromise")).isEqualTo(RevocationReason.KEY_COMPROMISE);
        assertThat(RevocationReason.parse("cessation-of-operation")).isEqualTo(RevocationReason.CESSATION_OF_OPERATION);
        assertThat(RevocationReason.parse("AA_COMPROMISE")).isEqualTo(RevocationReason.AA_COMPROMISE);
        assertThat(RevocationReason.parse("9")).isEqualTo(RevocationReason.PRIVILEGE_WITHDRAWN);
        assertThat(RevocationReason.ofCode(6)).isEqualTo(RevocationReason.CERTIFICATE_HOLD);
        assertKind(() -> RevocationReason.ofCode(8), ErrorKind.BAD_INPUT, "removeFromCRL");
        assertKind(() -> RevocationReason.parse("removeFromCRL"), ErrorKind.BAD_INPUT, "unknown revocation reason");
    }

    /** Scale, measured once and printed; no timing is asserted. */
    @Test
    void aHundredThousandEntries() {
        List<RevokedCertificate> entries = new ArrayList<>(100_000);
        for (int i = 0; i < 100_000; i++) {
            BigInteger serial = new BigInteger(128, dev.certa.core.testing.TestPki.RANDOM).setBit(127);
            entries.add(new RevokedCertificate(serial, NOW.minusSeconds(i), RevocationReason.values()[i % 9]));
        }
        long start = System.nanoTime();
        SignedCrl crl = builder().revoked(entries).sign();
        long builtNanos = System.nanoTime() - start;
        X509CRL jdk = crl.toX509Crl();

        assertThat(jdk.getRevokedCertificates()).hasSize(100_000);
        System.out.printf("CRL of 100,000 entries: %,d bytes, built and signed in %d ms%n", crl.der().length,
                builtNanos / 1_000_000);
    }

    private static void assertKind(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorKind kind, String text) {
        assertThatThrownBy(call).isInstanceOf(CertaException.class)
                .satisfies(e -> assertThat(((CertaException) e).kind()).isEqualTo(kind))
                .hasMessageContaining(text);
    }
}
