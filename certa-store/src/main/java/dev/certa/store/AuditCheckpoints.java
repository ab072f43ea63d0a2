package dev.certa.store;

import java.util.Optional;

/** The audit logs' anchors: the last known head of each log's hash chain. */
public interface AuditCheckpoints {

    /** The checkpoint of the named log, if one was ever saved. */
    Optional<AuditCheckpoint> find(String log);

    /** Whether any log has a checkpoint. */
    boolean anyExists();

    /** Saves (replaces) the checkpoint of its log; returns once it is committed. */
    void save(AuditCheckpoint checkpoint);
}
