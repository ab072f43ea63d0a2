package dev.certa.store;

/**
 * An open store: the ledgers the online CA needs, over one database. Thread-safe; open one per process
 * with {@link Stores#open} and close it on shutdown.
 */
public interface CertaStore extends AutoCloseable {

    CertificateLedger certificates();

    TokenLedger tokens();

    /** The ACME server's accounts, orders, authorizations, challenges and used nonces. */
    AcmeLedger acme();

    Counters counters();

    ClusterLocks locks();

    /** Where the data lives, for logs and {@code certa serve}'s banner; never contains a password. */
    String description();

    /** True when the database answers a trivial query now (readiness probe). */
    boolean isReachable();

    @Override
    void close();
}
