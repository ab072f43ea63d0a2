package dev.certa.store;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Mutual exclusion across nodes for scheduled work (CRL generation runs on one node at a time).
 * PostgreSQL uses a session advisory lock; SQLite, which one process owns, a process-local lock.
 */
public interface ClusterLocks {

    /**
     * Runs {@code work} if the named lock is free, holding it meanwhile; returns empty without waiting
     * when another node (or thread) holds it.
     */
    <T> Optional<T> tryWithLock(String name, Supplier<T> work);
}
