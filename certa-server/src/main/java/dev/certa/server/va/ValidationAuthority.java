package dev.certa.server.va;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates challenges on its own threads, never on a request's: {@link #validate} returns at once
 * and the outcome completes later. A challenge that succeeds is followed by the CAA check (a name's
 * holder may have forbidden this CA, or this account, or this method), so "valid" means both. Holds
 * no key and cannot sign.
 */
public final class ValidationAuthority implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ValidationAuthority.class);
    private final ExecutorService executor;
    private final Http01Validator http01;
    private final Dns01Validator dns01;
    private final TlsAlpn01Validator tlsAlpn01;
    private final CaaChecker caa;

    public ValidationAuthority(ValidationSettings settings) {
        DnsClient dns = new DnsClient(settings.resolver(), settings.timeout());
        Targets targets = new Targets(dns, settings.addresses());
        this.http01 = new Http01Validator(settings, targets);
        this.dns01 = new Dns01Validator(dns);
        this.tlsAlpn01 = new TlsAlpn01Validator(settings, targets);
        this.caa = new CaaChecker(dns, settings.caaIdentities());
        this.executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("certa-va-", 0).factory());
    }

    /** Starts validating; the future completes with the outcome (never exceptionally). */
    public CompletableFuture<ValidationOutcome> validate(ValidationRequest request) {
        return CompletableFuture.supplyAsync(() -> run(request), executor);
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

    private ValidationOutcome run(ValidationRequest r) {
        return guarded(() -> {
            ValidationOutcome proven = switch (r.type()) {
                case "http-01" -> http01.validate(r);
                case "dns-01" -> dns01.validate(r);
                case "tls-alpn-01" -> tlsAlpn01.validate(r);
                default -> ValidationOutcome.invalid("malformed", "certa does not validate " + r.type() + " challenges");
            };
            return proven instanceof ValidationOutcome.Valid ? caa.check(r.identifier(), r.type(), r.accountUri()) : proven;
        });
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
