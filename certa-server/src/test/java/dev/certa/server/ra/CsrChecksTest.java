package dev.certa.server.ra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certa.core.pem.PemReader;
import dev.certa.server.testing.Csrs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;

class CsrChecksTest {
    private static dev.certa.core.csr.Csr csr(String pem) {
        return PemReader.readCsr(pem.getBytes(StandardCharsets.US_ASCII), "test");
    }

    @Test
    void whenEveryPermitIsTakenAVerificationIsRefusedAsBusyNotQueuedForever() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        CsrChecks checks = new CsrChecks(new Semaphore(0), Duration.ofMillis(20), meters);
        assertThatThrownBy(() -> checks.signatureValid(csr(Csrs.withSubject("CN=a.example")), () -> new IllegalStateException("busy")))
                .hasMessage("busy");
        assertThat(meters.counter("certa_csr_signature_verifications").count()).isZero();
    }

    @Test
    void aVerificationIsCountedAndGivesItsPermitBack() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Semaphore permits = new Semaphore(1);
        CsrChecks checks = new CsrChecks(permits, Duration.ofMillis(20), meters);
        assertThat(checks.signatureValid(csr(Csrs.withSubject("CN=a.example")), IllegalStateException::new)).isTrue();
        assertThat(meters.counter("certa_csr_signature_verifications").count()).isEqualTo(1);
        assertThat(permits.availablePermits()).isEqualTo(1);
    }

    @Test
    void keyRefusalNamesTheSizeAndTheFix() {
        assertThat(new CsrChecks(new Semaphore(1), Duration.ZERO, new SimpleMeterRegistry())
                .keyRefusal(csr(Csrs.hostileRsa(16384, 17, "a.example"))))
                .hasValueSatisfying(why -> assertThat(why).contains("16384 bits", "certa key create"));
    }
}
