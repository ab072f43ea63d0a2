-- certa's schema, version 2: certificate_names loses its foreign key to certificates, and on SQLite
-- becomes a WITHOUT ROWID table (stored as its primary-key B-tree alone). Same statements on both
-- databases; placeholders as in V1, plus
--   ${key_only_table}  WITHOUT ROWID (SQLite) | nothing (PostgreSQL)
--
-- Why: the names are written only in the transaction that records their certificate, and certificates
-- are never deleted, so the key guarded nothing the store does not already guarantee. Its per-row
-- check (on PostgreSQL a FOR KEY SHARE row lock, itself written to the WAL) cost about a third of the
-- rate at which certificates could be recorded. SQLite cannot drop a constraint, so the table is
-- rebuilt (on PostgreSQL too, to keep one script).

CREATE TABLE certificate_names_v2 (
    name   TEXT      NOT NULL,
    serial ${serial} NOT NULL,
    PRIMARY KEY (name, serial)
) ${key_only_table};

INSERT INTO certificate_names_v2 (name, serial) SELECT name, serial FROM certificate_names;

DROP TABLE certificate_names;

ALTER TABLE certificate_names_v2 RENAME TO certificate_names;
