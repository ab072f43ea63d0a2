package dev.certa.server.audit;

import dev.certa.store.AuditCheckpoint;
import dev.certa.store.AuditCheckpoints;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves an audit log's head to the database as it grows. Appends only hand over the newest head; one
 * thread saves whatever is newest when it gets to it, so a burst of appends costs one database write and
 * never waits for it. After a crash the checkpoint may lag a few entries behind the log, never lead it:
 * a log longer than its checkpoint is sound, a shorter one was truncated.
 */
final class Checkpointer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);

    private record Head(long lines, String hash) {}

    private final AuditCheckpoints checkpoints;
    private final AuditKey key;
    private final String name;
    private final AtomicReference<@Nullable Head> pending = new AtomicReference<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon(true)
            .name("certa-audit-checkpoint").unstarted(r));

    Checkpointer(AuditCheckpoints checkpoints, AuditKey key) {
        this.checkpoints = checkpoints;
        this.key = key;
        this.name = key.logName();
    }

    /** Saves the head now and returns once it is committed. */
    void saveNow(long lines, String hash) {
        checkpoints.save(new AuditCheckpoint(name, lines, hash, key.mac(name, lines, hash)));
    }

    /** The log now holds {@code lines} entries, the last with {@code hash}; saved soon, without waiting. */
    void advanced(long lines, String hash) {
        if (pending.getAndSet(new Head(lines, hash)) == null) {
            thread.execute(this::savePending);
        }
    }

    private void savePending() {
        Head head = pending.getAndSet(null);
        if (head == null) {
            return;
        }
        try {
            saveNow(head.lines(), head.hash());
        } catch (RuntimeException e) {
            log.error("could not save the audit log's checkpoint (entry {}) to the database: {}", head.lines(), e.getMessage());
        }
    }

    /** Saves what is pending and stops. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        savePending();
    }
}
