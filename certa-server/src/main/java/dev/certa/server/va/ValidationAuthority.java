package dev.certa.server.va;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates challenges on its own threads, never on a request's: {@link #validate} returns at once
 * and the outcome completes later. A challenge that succeeds is followed by the CAA check (a name's
 * holder may have forbidden this CA, or this account, or this method), so "valid" means both. A
 * failure that may pass (connection refused or timed out, DNS SERVFAIL or no answer) is tried again
 * after a delay, as {@link ValidationRetries} says (RFC 8555 section 8.2), while the one time limit
 * of the validation ({@link ValidationSettings#timeout}) leaves room for it: that limit covers every
 * attempt, connect, handshake, body and redirects included. Holds no key and cannot sign.
 */
public final class ValidationAuthority implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ValidationAuthority.class);
    private final ExecutorService executor;
    private final Http01Validator http01;
    private final Dns01Validator dns01;
    private final TlsAlpn01Validator tlsAlpn01;
    private final CaaChecker caa;
    private final Duration timeout;
    private final ValidationRetries retries;

    /** Told of each failed attempt that will be tried again, before the wait. */
    @FunctionalInterface
    public interface RetryListener {
        /**
         * @param failure why the attempt failed
         * @param attempt which attempt failed (1 for the first)
         */
        void failedWillRetry(ValidationOutcome.Invalid failure, int attempt);
    }

    /** A validation authority that tries each validation once. */
    public ValidationAuthority(ValidationSettings settings) {
        this(settings, ValidationRetries.none());
    }

    public ValidationAuthority(ValidationSettings settings, ValidationRetries retries) {
        this.timeout = settings.timeout();
        this.retries = retries;
        DnsClient dns = new DnsClient(settings.resolver(), settings.timeout());
        Targets targets = new Targets(dns, settings.addresses());
        this.http01 = new Http01Validator(settings, targets);
        this.dns01 = new Dns01Validator(dns);
        this.tlsAlpn01 = new TlsAlpn01Validator(settings, targets);
        this.caa = new CaaChecker(dns, settings.caaIdentities());
        this.executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("certa-va-", 0).factory());
    }

    /** Starts validating; the future completes with the outcome (never exceptionally, unless this VA is closed). */
    public CompletableFuture<ValidationOutcome> validate(ValidationRequest request) {
        return validate(request, (failure, attempt) -> { });
    }

    /**
     * Starts validating, trying again after a failure that may pass; the future completes with the
     * outcome of the last attempt (never exceptionally, unless this VA is closed).
     */
    public CompletableFuture<ValidationOutcome> validate(ValidationRequest request, RetryListener listener) {
        return attempt(request, listener, 1, Deadline.after(timeout));
    }

    /**
     * How long validating may take at most: the time limit covers every attempt, retries and their
     * waits included (CAA lookups after a success aside).
     */
    public Duration longestValidation() {
        return timeout;
    }

    /** How long a failed attempt waits before the next. */
    public Duration retryDelay() {
        return retries.delay();
    }

    private CompletableFuture<ValidationOutcome> attempt(ValidationRequest r, RetryListener listener, int attempt, Deadline deadline) {
        return CompletableFuture.supplyAsync(() -> run(r, deadline), executor).thenCompose(outcome -> {
            if (!(outcome instanceof ValidationOutcome.Invalid failed) || !failed.retryable()) {
                return CompletableFuture.completedFuture(outcome);
            }
            if (attempt > retries.retries() || !deadline.leaves(retries.delay())) {
                return CompletableFuture.completedFuture(attempt == 1 ? outcome : new ValidationOutcome.Invalid(failed.errorType(),
                        failed.detail() + " (tried " + attempt + " times, " + apart() + " apart)", true));
            }
            try {
                listener.failedWillRetry(failed, attempt);
            } catch (RuntimeException e) {
                LOG.warn("noting a failed validation attempt failed; trying again anyway", e);
            }
            Executor later = CompletableFuture.delayedExecutor(retries.delay().toMillis(), TimeUnit.MILLISECONDS, executor);
            return CompletableFuture.runAsync(() -> { }, later).thenCompose(x -> attempt(r, listener, attempt + 1, deadline));
        });
    }

    /**
     * Checks CAA again, as before issuing on an authorization validated a while ago: the records may
     * have changed since. Completes with valid, or invalid ({@code caa}, {@code dns}); never exceptionally.
     *
     * @param method the challenge type the authorization was validated by
     */
    public CompletableFuture<ValidationOutcome> recheckCaa(String identifier, String method, String accountUri) {
        return CompletableFuture.supplyAsync(() -> guarded(() -> caa.check(identifier, method, accountUri)), executor);
    }

    private ValidationOutcome run(ValidationRequest r, Deadline deadline) {
        return guarded(() -> {
            ValidationOutcome proven = switch (r.type()) {
                case "http-01" -> http01.validate(r, deadline);
                case "dns-01" -> dns01.validate(r);
                case "tls-alpn-01" -> tlsAlpn01.validate(r, deadline);
                default -> ValidationOutcome.invalid("malformed", "certa does not validate " + r.type() + " challenges");
            };
            return proven instanceof ValidationOutcome.Valid ? caa.check(r.identifier(), r.type(), r.accountUri()) : proven;
        });
    }

    private String apart() {
        Duration d = retries.delay();
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static ValidationOutcome guarded(Supplier<ValidationOutcome> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            LOG.error("validation failed unexpectedly", e);
            return ValidationOutcome.invalid("serverInternal", "validation failed unexpectedly (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
