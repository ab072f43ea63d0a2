package dev.certa.server.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the ACME registration authority is configured to allow ({@code acme.*} in {@link Settings}).
 *
 * @param profiles the certificate profiles offered (the ACME profiles extension), the default first
 * @param eab whether new accounts must show an External Account Binding key an admin handed out
 * @param allowedNames when not empty, the only domains (with the names below them) and IP addresses the CA issues for
 * @param deniedNames domains the CA will not issue for, nor for any name below them
 * @param ordersPerAccount how many new orders one account may make in a window; empty: no limit
 * @param ordersPerDomain how many new orders may name one registered domain in a window; empty: no limit
 * @param newAccounts how many new accounts may be created, per client address and in all
 */
public record AcmePolicyConfig(List<Profile> profiles, ExternalAccountBinding eab, List<String> allowedNames, List<String> deniedNames,
        Optional<RateLimit> ordersPerAccount, Optional<RateLimit> ordersPerDomain, java.time.Duration authorizationReuse,
        AccountLimits newAccounts) {
    public AcmePolicyConfig {
        profiles = List.copyOf(profiles);
        if (profiles.isEmpty()) {
            throw new IllegalArgumentException("at least one ACME profile");
        }
        Objects.requireNonNull(eab, "eab");
        allowedNames = List.copyOf(allowedNames);
        deniedNames = List.copyOf(deniedNames);
        Objects.requireNonNull(newAccounts, "newAccounts");
    }

    /**
     * Limits on new ACME accounts ({@code acme.rate-limit.accounts-per-ip}, {@code acme.rate-limit.new-accounts}).
     *
     * @param perClientAddress how many one client address (an IPv4 address, an IPv6 /64) may create in a window; empty: no limit
     * @param overall how many all clients together may create in a window; empty: no limit
     */
    public record AccountLimits(Optional<RateLimit> perClientAddress, Optional<RateLimit> overall) {
        /** No limit on new accounts (the default). */
        public static final AccountLimits OFF = new AccountLimits(Optional.empty(), Optional.empty());
    }

    /** At most {@code count} in any {@code window}: {@code 300/3h}. */
    public record RateLimit(int count, Duration window) {
        public RateLimit {
            if (count < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("a rate limit is a positive count per positive window");
            }
        }
    }

    /** An ACME profile as configured: {@code acme.profiles = tlsserver=90d, shortlived=7d}. */
    public record Profile(String name, Duration validity) {}

    /** External Account Binding (RFC 8555 section 7.3.4): {@code acme.eab = off | optional | required}. */
    public enum ExternalAccountBinding {
        /** Accounts are created without one; a binding a client sends is ignored. */
        OFF,
        /** A binding is checked and bound when a client sends one, but none is needed. */
        OPTIONAL,
        /** Every new account needs a binding with an unused key. */
        REQUIRED
    }
}
