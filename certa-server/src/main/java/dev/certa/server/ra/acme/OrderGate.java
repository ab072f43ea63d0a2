package dev.certa.server.ra.acme;

import dev.certa.core.io.Durations;
import dev.certa.server.config.AcmePolicyConfig.RateLimit;
import dev.certa.store.AcmeAccount;
import dev.certa.store.AcmeOrderCount;
import dev.certa.store.AcmeOrderLimit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a new order must pass before anything is stored: names this CA issues for ({@link AcmeNames}), a
 * profile it offers, a validity it can give, a certificate the account may replace, and the rate limits
 * per account and per registered domain. Limits count orders in the shared store, in the same step as
 * the order is stored, so they hold exactly across requests and nodes; a refusal says when to try again.
 */
public final class OrderGate {
    /** The shortest lifetime a requested notAfter may leave. */
    static final Duration MIN_LIFETIME = Duration.ofHours(1);
    private final AcmePolicy policy;
    private final AcmeRenewals renewals;
    private final Clock clock;
    private final AcmeNames names;

    public OrderGate(AcmePolicy policy, AcmeRenewals renewals, Clock clock) {
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
    public record Admission(AcmeProfile profile, Optional<String> replaces, Optional<Instant> notAfter, Set<String> registeredDomains,
            List<AcmeOrderLimit> limits) {
        public Admission {
            registeredDomains = Set.copyOf(registeredDomains);
            limits = List.copyOf(limits);
        }
    }

    /**
     * The stored forms of a newOrder's identifiers, each one this CA issues for; or a refusal naming every
     * identifier that is not, each in a subproblem of its own (RFC 8555 section 6.7.1).
     */
    Set<String> identifiers(List<AcmeOrders.Identifier> requested) {
        Set<String> stored = new LinkedHashSet<>();
        List<AcmeException.Subproblem> problems = new ArrayList<>();
        AcmeException first = null;
        for (AcmeOrders.Identifier i : requested) {
            try {
                String s = Identifiers.parse(i.type(), i.value());
                names.check(s);
                stored.add(s);
            } catch (AcmeException e) {
                first = first == null ? e : first;
                problems.add(new AcmeException.Subproblem(e.error(), i.type(), i.value(), e.detail()));
            }
        }
        if (problems.size() == 1) {
            throw first;
        }
        if (!problems.isEmpty()) {
            Set<AcmeError> kinds = EnumSet.noneOf(AcmeError.class);
            problems.forEach(p -> kinds.add(p.error()));
            AcmeError top = kinds.size() == 1 ? kinds.iterator().next() : AcmeError.MALFORMED;
            throw AcmeException.withSubproblems(top, "this CA cannot issue for " + problems.size() + " of the order's "
                    + requested.size() + " identifiers (" + String.join(", ", problems.stream().map(p -> "'" + p.value() + "'").toList())
                    + "); each subproblem says why. Leave them out, or order names this CA issues for", problems);
        }
        return stored;
    }

    /**
     * Admits an order of {@code account} for the stored {@code identifiers} (as {@link #identifiers} gave them), or refuses it.
     * The rate limits are not counted here but handed to the store with the order ({@link Admission#limits}), which counts
     * and stores in one step; a limit reached there is refused by {@link #refuse}.
     */
    Admission admit(AcmeAccount account, Collection<String> identifiers, AcmeOrders.NewOrder request) {
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
        List<AcmeOrderLimit> limits = new ArrayList<>();
        policy.ordersPerAccount().ifPresent(limit -> limits.add(new AcmeOrderLimit(AcmeOrderLimit.Scope.ACCOUNT, account.id(),
                now.minus(limit.window()), limit.count())));
        policy.ordersPerDomain().ifPresent(limit -> domains.forEach(d -> limits.add(new AcmeOrderLimit(
                AcmeOrderLimit.Scope.REGISTERED_DOMAIN, d, now.minus(limit.window()), limit.count()))));
        return new Admission(profile, replaces, request.notAfter(), policy.ordersPerDomain().isPresent() ? domains : Set.of(), limits);
    }

    /** Refuses, {@code rateLimited} with when to try again, an order the store did not take because it {@code reached} a limit. */
    AcmeException refuse(AcmeOrderLimit.Reached reached) {
        boolean perAccount = reached.limit().scope() == AcmeOrderLimit.Scope.ACCOUNT;
        RateLimit limit = (perAccount ? policy.ordersPerAccount() : policy.ordersPerDomain()).orElseThrow();
        return refusal(limit, reached.counted(), clock.instant(), perAccount ? "this account" : "the registered domain "
                + reached.limit().key(), perAccount ? "acme.rate-limit.orders-per-account" : "acme.rate-limit.orders-per-domain");
    }

    private static AcmeException refusal(RateLimit limit, AcmeOrderCount recent, Instant now, String who, String setting) {
        Instant eases = recent.oldest().orElse(now).plus(limit.window());
        Duration wait = Duration.between(now, eases);
        Duration retry = wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
        return AcmeException.rateLimited(who + " already has " + recent.count() + " new orders in the last "
                + Durations.describe(limit.window()) + ", the most this CA allows (" + setting + " = " + limit.count() + "/"
                + Durations.describe(limit.window()) + "); try again after " + eases.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), retry);
    }
}
