package dev.certa.server.audit;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.server.audit.AnchorCheck.Verdict;
import dev.certa.store.AuditCheckpoint;
import dev.certa.store.CertaStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ties an audit log to the database: a checkpoint (entry count and the head's hash, MAC'd with
 * {@link AuditKey}) is saved as the log grows and compared with the log at every start and by
 * {@code certa audit verify --data}. The hash chain alone shows an edited line; the checkpoint also
 * shows a deleted log, a cut-off tail and a log replaced by a fresh chain. A start that finds any of
 * these is refused until an operator acknowledges it ({@code certa audit acknowledge}), which is
 * itself recorded in the log.
 */
public final class AuditAnchor {
    private static final Logger log = LoggerFactory.getLogger(AuditAnchor.class);
    /** The command that acknowledges a finding, for messages. */
    public static final String ACKNOWLEDGE = "certa audit acknowledge --data DIR";

    private final Path logFile;
    private final Path keyFile;
    private final CertaStore store;

    /**
     * @param logFile the audit log
     * @param keyFile the audit key ({@code audit.key} in the data directory)
     * @param store the database holding the checkpoint
     */
    public AuditAnchor(Path logFile, Path keyFile, CertaStore store) {
        this.logFile = logFile;
        this.keyFile = keyFile;
        this.store = store;
    }

    /** Compares the log with its checkpoint; changes nothing. */
    public AnchorCheck check() {
        try {
            return check(AuditKey.read(keyFile));
        } catch (IOException e) {
            throw new CertaException(ErrorKind.IO, "cannot read the audit log " + logFile + ": " + e.getMessage(),
                    "check the file's permissions");
        }
    }

    private AnchorCheck check(Optional<AuditKey> key) throws IOException {
        if (key.isEmpty()) {
            if (!store.sharedByNodes() && store.auditCheckpoints().anyExists()) {
                return new AnchorCheck(Verdict.KEY_MISSING, "the audit key " + keyFile + " is missing, but the database anchors an"
                        + " audit log: the key, and perhaps the log, were deleted or replaced");
            }
            return unanchored(AuditVerifier.verify(logFile));
        }
        Optional<AuditCheckpoint> found = store.auditCheckpoints().find(key.get().logName());
        if (found.isEmpty()) {
            return unanchored(AuditVerifier.verify(logFile));
        }
        AuditCheckpoint c = found.get();
        if (!key.get().accepts(c.log(), c.lines(), c.head(), c.mac())) {
            return new AnchorCheck(Verdict.FORGED, "the database's checkpoint for the audit log " + logFile + " does not carry the"
                    + " audit key's MAC: the checkpoint was altered, or " + keyFile + " was replaced");
        }
        if (!Files.exists(logFile)) {
            return c.lines() == 0 ? new AnchorCheck(Verdict.ANCHORED, "intact, 0 entries")
                    : new AnchorCheck(Verdict.DELETED, "the audit log " + logFile + " is missing, but the database's checkpoint says"
                            + " it held " + c.lines() + " entries (last hash " + c.head() + "): it was deleted or moved");
        }
        AuditVerifier.Result chain = AuditVerifier.verify(logFile, c.lines());
        if (!chain.intact()) {
            return new AnchorCheck(Verdict.EDITED, "the audit log " + logFile + " was edited: " + chain.problem()
                    + "; the first " + chain.lines() + " entries are intact");
        }
        if (chain.lines() < c.lines()) {
            return new AnchorCheck(Verdict.TRUNCATED, "the audit log " + logFile + " holds " + chain.lines()
                    + " entries, but the database's checkpoint says it held at least " + c.lines() + ": its last "
                    + (c.lines() - chain.lines()) + " entries were cut off");
        }
        if (!chain.markHash().equals(c.head())) {
            return new AnchorCheck(Verdict.REPLACED, "entry " + c.lines() + " of the audit log " + logFile + " is not the one"
                    + " anchored in the database: the log was replaced or rewritten with a new chain");
        }
        return new AnchorCheck(Verdict.ANCHORED, "intact, " + chain.lines() + " entries, chain head " + chain.lastHash()
                + ", anchored at entry " + c.lines());
    }

    private AnchorCheck unanchored(AuditVerifier.Result chain) {
        if (!chain.intact()) {
            return new AnchorCheck(Verdict.EDITED, "the audit log " + logFile + " was edited: " + chain.problem()
                    + "; the first " + chain.lines() + " entries are intact");
        }
        if (chain.lines() > 0 && Files.exists(keyFile)) {
            return new AnchorCheck(Verdict.UNANCHORED, "the audit log " + logFile + " has " + chain.lines() + " entries but the"
                    + " database holds no checkpoint for it: the checkpoint was removed, or " + keyFile + " was replaced");
        }
        return new AnchorCheck(Verdict.FIRST_ANCHOR, chain.lines() + " entries, not anchored before; anchored from now on");
    }

    /**
     * Opens the log for {@code certa serve}: checks it against its checkpoint and refuses, with an ERROR
     * line in the server's log, a log that was deleted, truncated, edited or replaced; then anchors its
     * head and keeps anchoring it as it grows.
     */
    public AuditLog open(Clock clock, SecureRandom random, String node) {
        AnchorCheck check = check();
        if (!check.sound()) {
            log.error("audit log tamper evidence: {}", check.finding());
            throw new CertaException(ErrorKind.BAD_INPUT, check.finding(), "certa will not start on it. Keep the log and the"
                    + " database as evidence and find out what happened; then run '" + ACKNOWLEDGE + "' (it records the finding"
                    + " in the log and anchors it again) and start certa again");
        }
        if (check.verdict() == Verdict.FIRST_ANCHOR) {
            log.info("audit log {}: {}", logFile, check.finding());
        }
        return anchoredLog(clock, random, node);
    }

    /**
     * An operator's acknowledgement of what {@link #check} found: records it in the log and anchors the
     * log as it now is. A log whose chain is broken is refused: move it aside first (a new chain begins).
     */
    public AnchorCheck acknowledge(Clock clock, SecureRandom random, String node, String operator) {
        AnchorCheck check = check();
        if (check.verdict() == Verdict.EDITED) {
            throw new CertaException(ErrorKind.BAD_INPUT, check.finding(), "move the damaged log aside (keep it as evidence),"
                    + " then acknowledge again: a new chain begins");
        }
        try (AuditLog audit = anchoredLog(clock, random, node)) {
            audit.append(new AuditEvent(operator, "audit-acknowledge", Optional.empty(), List.of(),
                    check.sound() ? "ok" : "acknowledged", check.verdict().label() + ": " + check.finding()));
        }
        return check;
    }

    private AuditLog anchoredLog(Clock clock, SecureRandom random, String node) {
        AuditKey key = AuditKey.read(keyFile).orElseGet(() -> AuditKey.create(keyFile, random));
        return AuditLog.open(logFile, clock, node, new Checkpointer(store.auditCheckpoints(), key));
    }
}
