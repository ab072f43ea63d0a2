package dev.certa.store.jdbc;

import dev.certa.store.IssuedCertificateRecord;
import dev.certa.store.StoreException;
import dev.certa.store.StoreFailures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: callers hand their writes to a few writer threads, which commit whatever has queued up
 * meanwhile in one transaction and release each caller once that transaction is committed. A disk
 * flush (fsync) per batch instead of per write is what lets one SQLite file, or one PostgreSQL WAL,
 * keep up with thousands of issuances a second while every {@code record} still returns only after
 * its own row is durable.
 *
 * <p>Certificates of one batch are inserted with one JDBC batch per table. A serial that is already
 * recorded does not fail the batch ({@code ON CONFLICT DO NOTHING}): only its caller learns it was a
 * duplicate. Any other failure rolls the batch back and retries each write in a transaction of its own,
 * so one bad write fails only its own caller.
 */
public final class GroupCommitter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);
    private static final int MAX_BATCH = 512;

    private sealed interface Job permits RecordJob, OpJob, Stop {}

    private record RecordJob(IssuedCertificateRecord certificate, String serial, @Nullable TokenUse token,
            CompletableFuture<Outcome> done) implements Job {}

    /** A one-time token to mark used in the same transaction as a certificate. */
    public record TokenUse(String provisioner, String tokenId, long expiresAtMicros) {}

    /** What became of a certificate handed to {@link #record(IssuedCertificateRecord, TokenUse)}. */
    public enum Outcome {
        RECORDED,
        DUPLICATE_SERIAL,
        TOKEN_USED
    }

    private record OpJob<T>(SqlWork<T> op, boolean relaxed, @Nullable Consumer<T> committed, CompletableFuture<T> done) implements Job {}

    private enum Stop implements Job {
        STOP
    }

    private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final WriteConnections connections;
    private final String where;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean closed;
    private final List<Runnable> failureListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * @param connections where each transaction gets its connection
     * @param threads how many transactions may be in flight at once (1 for SQLite's single writer)
     * @param where the database, for messages
     */
    public GroupCommitter(WriteConnections connections, int threads, String where) {
        this.connections = connections;
        this.where = where;
        for (int i = 0; i < threads; i++) {
            writers.add(Thread.ofPlatform().name("certa-store-writer-" + i).daemon(true).start(this::run));
        }
    }

    /**
     * Records one certificate; returns once it is committed: {@code true}, or {@code false} when its
     * serial was already recorded (and the existing row is untouched).
     */
    public boolean record(IssuedCertificateRecord certificate) {
        var job = new RecordJob(certificate, Columns.serial(certificate.serial()), null, new CompletableFuture<>());
        enqueue(job);
        return await(job.done()) == Outcome.RECORDED;
    }

    /**
     * Records one certificate and marks {@code token} used, in one transaction. The token is inserted
     * first; when it was already used the certificate is not inserted ({@link Outcome#TOKEN_USED}).
     */
    public Outcome record(IssuedCertificateRecord certificate, TokenUse token) {
        var job = new RecordJob(certificate, Columns.serial(certificate.serial()), token, new CompletableFuture<>());
        enqueue(job);
        return await(job.done());
    }

    /** Runs {@code op} in a shared transaction; returns its result once that transaction is committed and on disk. */
    public <T> T write(SqlWork<T> op) {
        return write(op, false, null);
    }

    /**
     * Runs {@code op} in a shared transaction; returns its result once that transaction is committed, but
     * perhaps before it is on disk: it survives the process being killed, and is made durable by the next
     * {@link #write} or {@link #record} (a batch of relaxed writes alone skips the disk flush). For state a
     * client recovers from by asking again, never for a certificate, a revocation or an account.
     */
    public <T> T writeRelaxed(SqlWork<T> op) {
        return write(op, true, null);
    }

    /**
     * {@link #write} or ({@code relaxed}) {@link #writeRelaxed}, and once the transaction is committed, on the
     * writer's thread before the next transaction starts, {@code committed} is given {@code op}'s result. With
     * one writer thread ({@link #inCommitOrder()}) these calls come in the order of the commits. Not called
     * when the write fails.
     */
    public <T> T write(SqlWork<T> op, boolean relaxed, @Nullable Consumer<T> committed) {
        var job = new OpJob<>(op, relaxed, committed, new CompletableFuture<T>());
        enqueue(job);
        return await(job.done());
    }

    /**
     * Runs {@code listener} on the writer's thread whenever a transaction fails (its commit or one of its
     * writes), before its callers hear of it and before the writes are tried again one by one: whatever
     * a failed transaction did may or may not be in the database (a commit can fail after it took effect).
     */
    public void onFailedTransaction(Runnable listener) {
        failureListeners.add(listener);
    }

    /** Whether transactions are committed one at a time, by one thread (SQLite's single writer). */
    public boolean inCommitOrder() {
        return writers.size() == 1;
    }

    private void enqueue(Job job) {
        if (closed) {
            throw closedException();
        }
        queue.add(job);
        if (closed && queue.remove(job)) {
            // Raced with close(): the writers may have finished before this job arrived.
            throw closedException();
        }
    }

    private StoreException closedException() {
        return new StoreException("the store " + where + " is closed", null);
    }

    private static <T> T await(CompletableFuture<T> done) {
        try {
            return done.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StoreException s) {
                throw new StoreException(s.getMessage(), s);
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new StoreException("write failed: " + cause, cause);
        }
    }

    private void run() {
        List<Job> batch = new ArrayList<>();
        boolean stop = false;
        while (!stop) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                // Nobody but close() may stop a writer (callers would wait for ever); close() uses STOP.
                log.warn("writer for {} was interrupted; it keeps running until the store is closed", where);
                continue;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            int stops = 0;
            for (var it = batch.iterator(); it.hasNext(); ) {
                if (it.next() == Stop.STOP) {
                    it.remove();
                    stops++;
                }
            }
            for (int i = 1; i < stops; i++) {
                queue.add(Stop.STOP); // one each for the other writers
            }
            stop = stops > 0;
            try {
                process(batch);
            } catch (RuntimeException | Error e) {
                log.error("writer for {} failed unexpectedly", where, e);
                failed();
                batch.forEach(job -> fail(job, e));
            }
            batch.clear();
        }
    }

    private void process(List<Job> jobs) {
        // The same serial twice in one batch: later copies wait for the next round, where they meet
        // the first one's row (or take its place if it failed).
        List<Job> round = new ArrayList<>(jobs.size());
        List<Job> later = new ArrayList<>();
        Set<String> serials = new HashSet<>();
        for (Job job : jobs) {
            if (job instanceof RecordJob r && !serials.add(r.serial())) {
                later.add(job);
            } else {
                round.add(job);
            }
        }
        commitTogether(round);
        if (!later.isEmpty()) {
            process(later);
        }
    }

    private void commitTogether(List<Job> jobs) {
        Connection connection;
        try {
            connection = connections.acquire();
        } catch (SQLException | RuntimeException e) {
            StoreException failure = failure("could not get a connection to write to " + where, e);
            jobs.forEach(job -> fail(job, failure));
            return;
        }
        Object[] results;
        try {
            connections.flushAtCommit(connection, !jobs.stream().allMatch(j -> j instanceof OpJob<?> op && op.relaxed()));
            results = apply(connection, jobs);
            connection.commit();
        } catch (SQLException | RuntimeException | Error e) {
            rollback(connection);
            connections.release(connection);
            failed();
            if (e instanceof Error error) {
                jobs.forEach(job -> fail(job, error));
                throw error;
            }
            if (jobs.size() == 1) {
                fail(jobs.getFirst(), e);
            } else {
                // Which write failed is unknown; retry each alone so only that one fails. (Should the
                // commit itself have failed after the server committed, a retried record meets its own
                // row and reports a duplicate: its certificate is then discarded, never lost.)
                log.warn("a batch of {} writes to {} failed ({}); retrying each on its own", jobs.size(), where, e.toString());
                for (Job job : jobs) {
                    commitTogether(List.of(job));
                }
            }
            return;
        }
        connections.release(connection);
        for (int i = 0; i < jobs.size(); i++) {
            if (jobs.get(i) instanceof OpJob<?> op && op.committed() != null) {
                committed(op, results[i]);
            }
        }
        for (int i = 0; i < jobs.size(); i++) {
            complete(jobs.get(i), results[i]);
        }
    }

    private void failed() {
        for (Runnable listener : failureListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.error("a listener for failed writes to {} failed", where, e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void committed(OpJob<?> op, @Nullable Object result) {
        try {
            ((Consumer<@Nullable Object>) op.committed()).accept(result);
        } catch (RuntimeException | Error e) {
            log.error("a step after a commit to {} failed; the write itself is committed", where, e);
        }
    }

    private static Object[] apply(Connection connection, List<Job> jobs) throws SQLException {
        Object[] results = new Object[jobs.size()];
        List<IssuedCertificateRecord> rows = new ArrayList<>();
        List<Integer> rowIndexes = new ArrayList<>();
        boolean anyToken = jobs.stream().anyMatch(j -> j instanceof RecordJob r && r.token() != null);
        try (PreparedStatement tokens = anyToken ? connection.prepareStatement("INSERT INTO used_tokens (provisioner, token_id, expires_at)"
                + " VALUES (?, ?, ?) ON CONFLICT (provisioner, token_id) DO NOTHING") : null) {
            for (int i = 0; i < jobs.size(); i++) {
                if (jobs.get(i) instanceof RecordJob r) {
                    if (r.token() != null && tokens != null) {
                        tokens.setString(1, r.token().provisioner());
                        tokens.setString(2, r.token().tokenId());
                        tokens.setLong(3, r.token().expiresAtMicros());
                        if (tokens.executeUpdate() != 1) {
                            results[i] = Outcome.TOKEN_USED; // used before, or earlier in this batch
                            continue;
                        }
                    }
                    rows.add(r.certificate());
                    rowIndexes.add(i);
                }
            }
        }
        boolean[] inserted = CertificateRows.insert(connection, rows);
        for (int k = 0; k < inserted.length; k++) {
            results[rowIndexes.get(k)] = inserted[k] ? Outcome.RECORDED : Outcome.DUPLICATE_SERIAL;
        }
        for (int i = 0; i < jobs.size(); i++) {
            if (jobs.get(i) instanceof OpJob<?> op) {
                results[i] = op.op().apply(connection);
            }
        }
        return results;
    }

    @SuppressWarnings("unchecked")
    private static void complete(Job job, @Nullable Object result) {
        switch (job) {
            case RecordJob r -> r.done().complete((Outcome) result);
            case OpJob<?> op -> ((CompletableFuture<@Nullable Object>) op.done()).complete(result);
            case Stop s -> {}
        }
    }

    private void fail(Job job, Throwable e) {
        Throwable failure = e instanceof SQLException ? failure("could not write to " + where, e) : e;
        switch (job) {
            case RecordJob r -> r.done().completeExceptionally(failure);
            case OpJob<?> op -> op.done().completeExceptionally(failure);
            case Stop s -> {}
        }
    }

    private StoreException failure(String what, Throwable e) {
        return StoreFailures.explain(what, where, e);
    }

    private void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            log.warn("rollback on {} failed", where, e);
        }
    }

    /** Finishes the writes already queued, then stops the writer threads; later writes are refused. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        writers.forEach(writer -> queue.add(Stop.STOP));
        boolean interrupted = false;
        for (Thread writer : writers) {
            while (true) {
                try {
                    writer.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        List<Job> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(job -> fail(job, closedException()));
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
