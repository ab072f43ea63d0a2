package dev.certa.store;

import java.util.Objects;

/**
 * Where an audit log's hash chain stood when it was last anchored in the database.
 *
 * @param log which log: its node and path
 * @param lines how many entries the log held
 * @param head the hash of its last entry then (the genesis value for an empty log)
 * @param mac a MAC over the three, made with a key neither the log nor the database holds
 */
public record AuditCheckpoint(String log, long lines, String head, String mac) {
    public AuditCheckpoint {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(mac, "mac");
        if (lines < 0) {
            throw new IllegalArgumentException("lines must not be negative, was " + lines);
        }
    }
}
