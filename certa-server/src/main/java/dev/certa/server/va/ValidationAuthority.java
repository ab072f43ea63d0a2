package dev.certa.server.va;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Validates challenges on its own threads, never on a request's: {@link #validate} returns at once
 * and the outcome completes later. Holds no key and cannot sign.
 */
public final class ValidationAuthority implements AutoCloseable {
    private final ExecutorService executor;
    private final Http01Validator http01;
    private final Dns01Validator dns01;

    public ValidationAuthority(ValidationSettings settings) {
        DnsClient dns = new DnsClient(settings.resolver(), settings.timeout());
        this.http01 = new Http01Validator(settings, dns);
        this.dns01 = new Dns01Validator(dns);
        this.executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("certa-va-", 0).factory());
    }

    /** Starts validating; the future completes with the outcome (never exceptionally). */
    public CompletableFuture<ValidationOutcome> validate(ValidationRequest request) {
        return CompletableFuture.supplyAsync(() -> run(request), executor);
    }

    private ValidationOutcome run(ValidationRequest r) {
        try {
            return switch (r.type()) {
                case "http-01" -> http01.validate(r);
                case "dns-01" -> dns01.validate(r);
                default -> ValidationOutcome.invalid("malformed", "certa does not validate " + r.type() + " challenges");
            };
        } catch (RuntimeException e) {
            return ValidationOutcome.invalid("serverInternal", "validation failed unexpectedly: " + e);
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
