package dev.certa.store;

import java.time.Instant;

/**
 * A rate limit a new order must stay within, checked and the order stored in one step
 * ({@link AcmeLedger#createOrder(AcmeOrder, java.util.List, java.util.Set, java.util.List)}), so that
 * requests racing on any node cannot together pass it: at most {@code max} orders counted for
 * {@code key} since {@code since}, the new one included.
 *
 * @param scope what is counted: an account's orders, or the orders naming a registered domain
 * @param key the account id, or the registered domain
 */
public record AcmeOrderLimit(Scope scope, String key, Instant since, long max) {
    /** What an order limit counts. */
    public enum Scope {
        ACCOUNT,
        REGISTERED_DOMAIN
    }

    /**
     * A limit the new order would have gone over; the order was not stored.
     *
     * @param counted the orders already counted against it
     */
    public record Reached(AcmeOrderLimit limit, AcmeOrderCount counted) {}
}
