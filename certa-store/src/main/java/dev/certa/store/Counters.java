package dev.certa.store;

/** Named monotonic counters shared by all nodes (e.g. {@code crl:<issuerId>} for CRL numbers). */
public interface Counters {

    /** Increments the counter (created at 0) and returns the new value; atomic across nodes. */
    long next(String name);

    /** The current value, 0 if never incremented. */
    long current(String name);
}
