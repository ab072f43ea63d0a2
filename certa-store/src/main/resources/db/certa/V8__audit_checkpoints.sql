-- certa's schema, version 8: where each audit log's hash chain stood when last anchored, so that a deleted
-- or truncated log is noticed. One row per log, named by the node and the log's path. lines: how many
-- entries the log held; head: the hash of its last entry then; mac: HMAC-SHA256 over the three, with a key
-- kept beside the database (audit.key in the data directory), never in the log or this table.
CREATE TABLE audit_checkpoints (
    log_name TEXT   NOT NULL PRIMARY KEY,
    lines    BIGINT NOT NULL,
    head     TEXT   NOT NULL,
    mac      TEXT   NOT NULL
);
