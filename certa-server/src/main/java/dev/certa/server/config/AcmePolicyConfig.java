package dev.certa.server.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the ACME registration authority is configured to allow ({@code acme.*} in {@link Settings}).
 *
 * @param profiles the certificate profiles offered (the ACME profiles extension), the default first
 * @param eab whether new accounts must show an External Account Binding key an admin handed out
 */
public record AcmePolicyConfig(List<Profile> profiles, ExternalAccountBinding eab) {
    public AcmePolicyConfig {
        profiles = List.copyOf(profiles);
        if (profiles.isEmpty()) {
            throw new IllegalArgumentException("at least one ACME profile");
        }
        Objects.requireNonNull(eab, "eab");
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
