package dev.certa.store;

import java.time.Instant;
import java.util.Optional;

/**
 * How many ACME orders (or new accounts) were made in a window, for rate limits.
 *
 * @param oldest when the oldest of them was made (the limit eases once it leaves the window); empty if none
 */
public record AcmeOrderCount(long count, Optional<Instant> oldest) {}
