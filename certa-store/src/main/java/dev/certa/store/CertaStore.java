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

    /** Where each audit log's hash chain stood when last anchored (deleted and truncated logs show). */
    AuditCheckpoints auditCheckpoints();

    ClusterLocks locks();

    /**
     * Whether other processes (nodes) use this database at the same time: PostgreSQL, yes; SQLite, no, one
     * process owns the file. State that has to agree only within a node, such as the ACME nonces already
     * used, stays in memory when the store is not shared.
     */
    boolean sharedByNodes();

    /** Where the data lives, for logs and {@code certa serve}'s banner; never contains a password. */
    String description();

    /** True when the database answers a trivial query now (readiness probe). */
    boolean isReachable();

    @Override
    void close();
}
