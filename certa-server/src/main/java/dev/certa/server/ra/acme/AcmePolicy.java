package dev.certa.server.ra.acme;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the ACME registration authority allows.
 *
 * @param termsOfService the URL of the terms new accounts must agree to; empty: none
 * @param orderLifetime how long an order (and its authorizations) may be worked on
 * @param certificateValidity the lifetime of certificates issued through ACME
 * @param profile the certa leaf profile used (e.g. {@code server})
 * @param caaIdentities the issuer domain names by which CAA records name this CA (shown in the
 *     directory's {@code meta.caaIdentities})
 * @param caaRecheckAfter CAA is checked when a challenge is validated; an order finalized longer than
 *     this after is checked again before issuance (the records may have changed meanwhile)
 */
public record AcmePolicy(Optional<String> termsOfService, Duration orderLifetime, Duration certificateValidity, String profile,
        List<String> caaIdentities, Duration caaRecheckAfter) {
    public AcmePolicy {
        caaIdentities = List.copyOf(caaIdentities);
    }
}
