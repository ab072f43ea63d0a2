package dev.certa.store.jdbc;

import dev.certa.store.AcmeAuthorization;
import dev.certa.store.AcmeChallenge;
import dev.certa.store.AcmeOrder;
import dev.certa.store.AcmeStatus;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * ACME orders and authorizations (with their challenges) kept in memory, for a database that no other
 * process changes: an ACME client reads the same few objects again and again while it orders a
 * certificate, and in WAL mode every SQLite read after a commit starts with an empty page cache.
 *
 * <p>What is kept always equals the rows as of the last commit: each change made through the ledger
 * is applied here after its commit, on the writer's one thread, in commit order
 * ({@link GroupCommitter#write(SqlWork, boolean, java.util.function.Consumer)}), before the caller goes
 * on; each change sets fields to the values it wrote, so applying one to a row read after its commit
 * changes nothing. A read that overlapped a change is not kept (a generation count, checked and bumped
 * under one lock). A transaction that fails forgets everything, on the writer's thread before anyone
 * hears of it ({@link GroupCommitter#onFailedTransaction}), since it may have been committed after all;
 * so does a write whose caller gets an exception, and a change that cannot be applied.
 * Instants are kept as the database keeps them, to the microsecond.
 */
final class KeptAcmeRows {
    private static final int KEPT = 20_000;
    private final boolean on;
    private final Object lock = new Object();
    private final Map<String, AcmeOrder> orders = new HashMap<>(); // guarded by lock
    private final Map<String, AcmeAuthorization> authorizations = new HashMap<>(); // guarded by lock
    private final Map<String, String> authorizationOfChallenge = new HashMap<>(); // guarded by lock; never changes for a challenge
    private long generation; // guarded by lock

    private KeptAcmeRows(boolean on) {
        this.on = on;
    }

    /** Keeps rows: only for a database this process alone changes, written by one thread. */
    static KeptAcmeRows on() {
        return new KeptAcmeRows(true);
    }

    /** Keeps nothing: every read goes to the database. */
    static KeptAcmeRows off() {
        return new KeptAcmeRows(false);
    }

    Optional<AcmeOrder> order(String id, Supplier<Optional<AcmeOrder>> read) {
        return get(orders, id, read);
    }

    Optional<AcmeAuthorization> authorization(String id, Supplier<Optional<AcmeAuthorization>> read) {
        return get(authorizations, id, read);
    }

    /** The id of the authorization that holds {@code challengeId}, if an authorization holding it was kept. */
    Optional<String> authorizationIdOf(String challengeId) {
        if (!on) {
            return Optional.empty();
        }
        synchronized (lock) {
            return Optional.ofNullable(authorizationOfChallenge.get(challengeId));
        }
    }

    /** Keeps an authorization read by other means than {@link #authorization}, if no change came since {@code before}. */
    Optional<AcmeAuthorization> keep(long before, Optional<AcmeAuthorization> read) {
        read.ifPresent(a -> put(authorizations, a.id(), a, before));
        return read;
    }

    /** The generation now, to pass to {@link #keep} after a read. */
    long generation() {
        synchronized (lock) {
            return generation;
        }
    }

    private <V> Optional<V> get(Map<String, V> kept, String id, Supplier<Optional<V>> read) {
        if (!on) {
            return read.get();
        }
        long before;
        synchronized (lock) {
            V v = kept.get(id);
            if (v != null) {
                return Optional.of(v);
            }
            before = generation;
        }
        Optional<V> found = read.get();
        found.ifPresent(v -> put(kept, id, v, before));
        return found;
    }

    private <V> void put(Map<String, V> kept, String id, V value, long before) {
        if (!on) {
            return;
        }
        synchronized (lock) {
            if (generation != before) {
                return; // a change was committed while this was read: it may predate it
            }
            if (orders.size() + authorizations.size() >= KEPT) {
                orders.clear();
                authorizations.clear();
                authorizationOfChallenge.clear();
            }
            kept.put(id, value);
            if (value instanceof AcmeAuthorization a) {
                a.challenges().forEach(c -> authorizationOfChallenge.put(c.id(), a.id()));
            }
        }
    }

    /**
     * Runs {@code work} on {@code writer} and, after its commit, {@code committed} (which applies the change
     * here); if the write fails, whether or not it was committed, everything kept is forgotten.
     */
    <T> T write(GroupCommitter writer, boolean relaxed, SqlWork<T> work, Consumer<T> committed) {
        try {
            return writer.write(work, relaxed, result -> {
                try {
                    committed.accept(result);
                } catch (RuntimeException | Error e) {
                    forgetAll(); // the change is committed but could not be applied here
                    throw e;
                }
            });
        } catch (RuntimeException | Error e) {
            forgetAll();
            throw e;
        }
    }

    /** Applies several changes of one commit at once: no read sees some of them without the others. */
    void together(Runnable changes) {
        synchronized (lock) {
            changes.run();
        }
    }

    // ---- changes, applied after their commit on the writer's thread ----

    /** A new order and its new authorizations, kept as the database holds them. */
    void created(AcmeOrder o, List<AcmeAuthorization> newAuthorizations) {
        if (!on) {
            return;
        }
        synchronized (lock) {
            generation++;
            put(orders, o.id(), new AcmeOrder(o.id(), o.accountId(), o.status(), o.identifiers(), o.authorizationIds(),
                    asStored(o.expiresAt()), o.error(), o.certificateSerial(), asStored(o.createdAt()), o.profile(), o.replaces(),
                    o.notAfter().map(KeptAcmeRows::asStored)), generation);
            for (AcmeAuthorization a : newAuthorizations) {
                List<AcmeChallenge> challenges = a.challenges().stream().map(c -> new AcmeChallenge(c.id(), a.id(), c.type(), c.token(),
                        c.status(), c.validatedAt().map(KeptAcmeRows::asStored), c.error())).toList();
                put(authorizations, a.id(), new AcmeAuthorization(a.id(), a.accountId(), a.identifier(), a.status(),
                        asStored(a.expiresAt()), asStored(a.createdAt()), challenges), generation);
            }
        }
    }

    /** An order moved to {@code status}, with the error or serial written, if any (else the old ones stay). */
    void orderChanged(String id, AcmeStatus status, Optional<String> error, Optional<BigInteger> serial) {
        change(orders, id, o -> new AcmeOrder(o.id(), o.accountId(), status, o.identifiers(), o.authorizationIds(), o.expiresAt(),
                error.or(o::error), serial.or(o::certificateSerial), o.createdAt(), o.profile(), o.replaces(), o.notAfter()));
    }

    /** An authorization moved to {@code status}, good until {@code expiresAt} if given. */
    void authorizationChanged(String id, AcmeStatus status, Optional<Instant> expiresAt) {
        change(authorizations, id, a -> new AcmeAuthorization(a.id(), a.accountId(), a.identifier(), status,
                expiresAt.map(KeptAcmeRows::asStored).orElse(a.expiresAt()), a.createdAt(), a.challenges()));
    }

    /** A challenge moved to {@code status}, with the time and error written, if any (else the old ones stay). */
    void challengeChanged(String challengeId, AcmeStatus status, Optional<Instant> validatedAt, Optional<String> error) {
        if (!on) {
            return;
        }
        synchronized (lock) {
            String authorizationId = authorizationOfChallenge.get(challengeId);
            if (authorizationId == null) {
                generation++;
                return;
            }
            change(authorizations, authorizationId, a -> {
                List<AcmeChallenge> challenges = new ArrayList<>(a.challenges().size());
                for (AcmeChallenge c : a.challenges()) {
                    challenges.add(!c.id().equals(challengeId) ? c : new AcmeChallenge(c.id(), c.authorizationId(), c.type(), c.token(),
                            status, validatedAt.map(KeptAcmeRows::asStored).or(c::validatedAt), error.or(c::error)));
                }
                return new AcmeAuthorization(a.id(), a.accountId(), a.identifier(), a.status(), a.expiresAt(), a.createdAt(), challenges);
            });
        }
    }

    /** After a write that failed (and so may or may not be committed): nothing kept is trusted. */
    void forgetAll() {
        if (!on) {
            return;
        }
        synchronized (lock) {
            generation++;
            orders.clear();
            authorizations.clear();
            authorizationOfChallenge.clear();
        }
    }

    private <V> void change(Map<String, V> kept, String id, UnaryOperator<V> change) {
        if (!on) {
            return;
        }
        synchronized (lock) {
            generation++;
            kept.computeIfPresent(id, (k, v) -> change.apply(v));
        }
    }

    /** An instant as the database gives it back: to the microsecond. */
    private static Instant asStored(Instant t) {
        return Columns.instant(Columns.micros(t));
    }
}
