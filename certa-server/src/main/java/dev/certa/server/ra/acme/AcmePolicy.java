package dev.certa.server.ra.acme;

import java.time.Duration;
import java.util.Optional;

/**
 * What the ACME registration authority allows.
 *
 * @param termsOfService the URL of the terms new accounts must agree to; empty: none
 * @param orderLifetime how long an order (and its authorizations) may be worked on
 * @param certificateValidity the lifetime of certificates issued through ACME
 * @param profile the certa leaf profile used (e.g. {@code server})
 */
public record AcmePolicy(Optional<String> termsOfService, Duration orderLifetime, Duration certificateValidity, String profile) {}
