package dev.certa.server.audit;

import java.util.Objects;

/**
 * What comparing an audit log with its checkpoint in the database found.
 *
 * @param verdict which case it is
 * @param finding one plain sentence or two naming the file and the numbers
 */
public record AnchorCheck(Verdict verdict, String finding) {
    public AnchorCheck {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(finding, "finding");
    }

    /** The cases; only the first two let the server start. */
    public enum Verdict {
        /** The log holds every anchored entry, unchanged (and perhaps entries written since). */
        ANCHORED("intact"),
        /** Nothing anchors this log yet (first start, or the first start of a version that anchors). */
        FIRST_ANCHOR("not anchored yet"),
        /** The log file is gone although the checkpoint says it held entries. */
        DELETED("DELETED"),
        /** The log holds fewer entries than the checkpoint: its tail was cut off. */
        TRUNCATED("TRUNCATED"),
        /** A line breaks the hash chain: it was altered, removed or inserted. */
        EDITED("EDITED"),
        /** The chain holds, but the anchored entry is another one: the log was replaced by a new chain. */
        REPLACED("REPLACED"),
        /** The log has entries but the database has no checkpoint for it. */
        UNANCHORED("NO CHECKPOINT"),
        /** The key file is gone while the database anchors a log. */
        KEY_MISSING("KEY MISSING"),
        /** The checkpoint's MAC does not verify: the database row was altered. */
        FORGED("CHECKPOINT FORGED");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        /** The word {@code certa audit verify} prints. */
        public String label() {
            return label;
        }
    }

    /** Whether the server may start with this log. */
    public boolean sound() {
        return verdict == Verdict.ANCHORED || verdict == Verdict.FIRST_ANCHOR;
    }
}
