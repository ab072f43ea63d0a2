package dev.certa.server.ra.acme;

import dev.certa.server.config.AcmePolicyConfig.AccountLimits;
import dev.certa.server.config.AcmePolicyConfig.ExternalAccountBinding;
import dev.certa.server.config.AcmePolicyConfig.RateLimit;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the ACME registration authority allows.
 *
 * @param termsOfService the URL of the terms new accounts must agree to; empty: none
 * @param orderLifetime how long an order (and its authorizations) may be worked on
 * @param profiles the certificate profiles clients may choose, the default first
 * @param eab whether new accounts need an External Account Binding
 * @param allowedNames when not empty, the only domains (with names below them) and IP addresses the CA issues for
 * @param deniedNames domains the CA does not issue for, nor for names below them
 * @param ordersPerAccount the most new orders one account may make in a window, if limited
 * @param ordersPerDomain the most new orders that may name one registered domain in a window, if limited
 * @param caaIdentities the issuer domain names by which CAA records name this CA (shown in the
 *     directory's {@code meta.caaIdentities})
 * @param caaRecheckAfter CAA is checked when a challenge is validated; an order finalized longer than
 *     this after is checked again before issuance (the records may have changed meanwhile)
 * @param authorizationReuse how long a validated authorization stays valid and is reused by the account's
 *     new orders for the same identifier; zero: an authorization serves its own order only
 * @param newAccounts how many new accounts may be created, per client address and in all
 */
public record AcmePolicy(Optional<String> termsOfService, Duration orderLifetime, List<AcmeProfile> profiles,
        ExternalAccountBinding eab, List<String> allowedNames, List<String> deniedNames, Optional<RateLimit> ordersPerAccount,
        Optional<RateLimit> ordersPerDomain, List<String> caaIdentities, Duration caaRecheckAfter, Duration authorizationReuse,
        AccountLimits newAccounts) {
    public AcmePolicy {
        profiles = List.copyOf(profiles);
        if (profiles.isEmpty()) {
            throw new IllegalArgumentException("at least one profile");
        }
        Objects.requireNonNull(eab, "eab");
        allowedNames = List.copyOf(allowedNames);
        deniedNames = List.copyOf(deniedNames);
        caaIdentities = List.copyOf(caaIdentities);
        Objects.requireNonNull(newAccounts, "newAccounts");
    }

    /** The profile an order gets when it names none. */
    public AcmeProfile defaultProfile() {
        return profiles.getFirst();
    }

    /** The profile named by a newOrder request (or the default); {@code invalidProfile} for one not offered. */
    public AcmeProfile profile(Optional<String> name) {
        if (name.isEmpty()) {
            return defaultProfile();
        }
        return find(name.get()).orElseThrow(() -> new AcmeException(AcmeError.INVALID_PROFILE, "this CA has no profile '"
                + name.get() + "'; choose one of " + String.join(", ", profiles.stream().map(AcmeProfile::name).toList())
                + " (the directory's meta.profiles), or leave \"profile\" out for " + defaultProfile().name()));
    }

    public Optional<AcmeProfile> find(String name) {
        return profiles.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
