package dev.certa.server.ra.acme;

import dev.certa.core.io.Durations;
import dev.certa.server.config.AcmePolicyConfig.RateLimit;
import dev.certa.store.AcmeAccount;
import dev.certa.store.AcmeLedger;
import dev.certa.store.AcmeOrderCount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a new order must pass before anything is stored: names this CA issues for ({@link AcmeNames}), a
 * profile it offers, a validity it can give, a certificate the account may replace, and the rate limits
 * per account and per registered domain. Limits count orders in the shared store, so they hold across
 * nodes (give or take orders racing on several nodes at once), and a refusal says when to try again.
 */
public final class OrderGate {
    /** The shortest lifetime a requested notAfter may leave. */
    static final Duration MIN_LIFETIME = Duration.ofHours(1);
    private final AcmeLedger ledger;
    private final AcmePolicy policy;
    private final AcmeRenewals renewals;
    private final Clock clock;
    private final AcmeNames names;

    public OrderGate(AcmeLedger ledger, AcmePolicy policy, AcmeRenewals renewals, Clock clock) {
        this.ledger = ledger;
        this.policy = policy;
        this.renewals = renewals;
        this.clock = clock;
        this.names = new AcmeNames(policy.allowedNames(), policy.deniedNames());
    }

    /**
     * What an order was admitted with.
     *
     * @param replaces the ARI id of the certificate it replaces, as checked
     * @param notAfter the end of validity asked for, within the profile's
     * @param registeredDomains what the order counts against (recorded only while a per-domain limit is set)
     */
    public record Admission(AcmeProfile profile, Optional<String> replaces, Optional<Instant> notAfter, Set<String> registeredDomains) {
        public Admission {
            registeredDomains = Set.copyOf(registeredDomains);
        }
    }

    /** Admits an order of {@code account} for the stored {@code identifiers}, or refuses it with the problem to send. */
    Admission admit(AcmeAccount account, Collection<String> identifiers, AcmeOrders.NewOrder request) {
        identifiers.forEach(names::check);
        AcmeProfile profile = policy.profile(request.profile());
        Instant now = clock.instant();
        if (request.notBefore().isPresent()) {
            throw new AcmeException(AcmeError.MALFORMED, "this CA makes certificates valid from the moment they are signed; leave"
                    + " \"notBefore\" out");
        }
        request.notAfter().ifPresent(notAfter -> {
            if (notAfter.isBefore(now.plus(MIN_LIFETIME)) || notAfter.isAfter(now.plus(profile.validity()))) {
                throw new AcmeException(AcmeError.MALFORMED, "\"notAfter\" must lie between " + Durations.describe(MIN_LIFETIME)
                        + " and " + Durations.describe(profile.validity()) + " from now (the longest the profile " + profile.name()
                        + " gives)");
            }
        });
        Optional<String> replaces = request.replaces().map(r -> renewals.replaceable(account, r, identifiers).toString());
        Set<String> domains = new TreeSet<>();
        identifiers.forEach(i -> domains.add(names.registeredDomain(i)));
        policy.ordersPerAccount().ifPresent(limit -> enforce(limit, ledger.ordersOfAccountSince(account.id(), now.minus(limit.window())),
                now, "this account", "acme.rate-limit.orders-per-account"));
        policy.ordersPerDomain().ifPresent(limit -> domains.forEach(d -> enforce(limit,
                ledger.ordersOfDomainSince(d, now.minus(limit.window())), now, "the registered domain " + d,
                "acme.rate-limit.orders-per-domain")));
        return new Admission(profile, replaces, request.notAfter(), policy.ordersPerDomain().isPresent() ? domains : Set.of());
    }

    private static void enforce(RateLimit limit, AcmeOrderCount recent, Instant now, String who, String setting) {
        if (recent.count() < limit.count()) {
            return;
        }
        Instant eases = recent.oldest().orElse(now).plus(limit.window());
        Duration wait = Duration.between(now, eases);
        Duration retry = wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
        throw AcmeException.rateLimited(who + " already has " + recent.count() + " new orders in the last "
                + Durations.describe(limit.window()) + ", the most this CA allows (" + setting + " = " + limit.count() + "/"
                + Durations.describe(limit.window()) + "); try again after " + eases.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), retry);
    }
}
