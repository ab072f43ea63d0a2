package dev.certa.server.ra;

import dev.certa.core.csr.Csr;
import dev.certa.core.error.CertaException;
import dev.certa.core.lint.PublicKeyPolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The RA's checks of a CSR, cheapest first, shared by {@code /sign}, {@code /renew} and ACME finalize:
 * the key policy ({@link PublicKeyPolicy}: size, exponent, curve — read from the bytes, no arithmetic),
 * then the self-signature. Verifying the signature is the one step whose cost the requester chooses, so
 * it runs only for keys the policy let through, and under a bound: at most {@code permits} of the
 * server's expensive steps (CSR verifications here, CA signatures in the signing service, which shares
 * the same {@link Semaphore}) run at once. A verification that cannot start within {@code wait} is
 * refused with "busy, retry after a second" rather than queued for long: a flood then costs threads for
 * at most {@code wait}, and {@code /health} and other requests keep being answered.
 *
 * <p>Every verification is counted ({@code certa_csr_signature_verifications_total} on {@code /metrics}).
 */
public final class CsrChecks {
    /** What a refused request is told to wait before retrying. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private final Semaphore expensive;
    private final Duration wait;
    private final Counter verifications;

    public CsrChecks(Semaphore expensive, Duration wait, MeterRegistry meters) {
        this.expensive = expensive;
        this.wait = wait;
        this.verifications = Counter.builder("certa_csr_signature_verifications")
                .description("CSR self-signatures verified (each after the key policy let the key through)").register(meters);
    }

    /** The permits for expensive work a server of {@code processors} cores shares: one per core, at least two. */
    public static Semaphore expensiveWork(int processors) {
        return new Semaphore(Math.max(2, processors), true);
    }

    /** Why the CSR's key is refused (the size, exponent or curve found, and the fix), or empty when it may go on. */
    public Optional<String> keyRefusal(Csr csr) {
        try {
            PublicKeyPolicy.check(csr.publicKeyInfo(), "the CSR's key");
            return Optional.empty();
        } catch (CertaException e) {
            return Optional.of(e.reason() + e.fix().map(f -> "; " + f).orElse(""));
        }
    }

    /**
     * Whether the CSR's self-signature verifies; call only after {@link #keyRefusal} found nothing.
     *
     * @param busy what to throw when no verification could start in time
     */
    public boolean signatureValid(Csr csr, Supplier<? extends RuntimeException> busy) {
        boolean acquired;
        try {
            acquired = expensive.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy.get();
        }
        if (!acquired) {
            throw busy.get();
        }
        try {
            verifications.increment();
            return csr.signatureValid();
        } finally {
            expensive.release();
        }
    }
}
