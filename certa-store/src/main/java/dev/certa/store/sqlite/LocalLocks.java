package dev.certa.store.sqlite;

import dev.certa.store.ClusterLocks;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Cluster locks for a SQLite store, which one process owns: the cluster is this process. Not
 * re-entrant, like PostgreSQL's locks taken on separate sessions: a second {@code tryWithLock} of the
 * same name, even from the same thread, finds it held.
 */
final class LocalLocks implements ClusterLocks {
    private final Set<String> held = ConcurrentHashMap.newKeySet();

    @Override
    public <T> Optional<T> tryWithLock(String name, Supplier<T> work) {
        if (!held.add(name)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(work.get());
        } finally {
            held.remove(name);
        }
    }
}
