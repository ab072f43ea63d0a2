-- certa's schema, version 1: the same statements for SQLite and PostgreSQL. The only dialect
-- differences are Flyway placeholders set by dev.certa.store.migration.Migrations:
--   ${binary}  BLOB (SQLite) | BYTEA (PostgreSQL)
--   ${serial}  TEXT (SQLite, byte order) | TEXT COLLATE "C" (PostgreSQL, byte order whatever the database's collation)
--
-- Serials are 40 lower-case hex digits, zero-padded (RFC 5280 caps serials at 20 octets), so text
-- order is numeric order. Instants are microseconds since 1970-01-01T00:00:00Z (BIGINT).

-- Every issued certificate, recorded before it is handed to anyone, and its revocation state.
CREATE TABLE certificates (
    serial            ${serial} NOT NULL PRIMARY KEY,
    issuer_id         TEXT      NOT NULL,
    der               ${binary} NOT NULL,
    names             TEXT      NOT NULL,   -- the names, one per line, as recorded (search uses certificate_names)
    not_before        BIGINT    NOT NULL,
    not_after         BIGINT    NOT NULL,
    profile           TEXT      NOT NULL,
    requester         TEXT      NOT NULL,
    issued_at         BIGINT    NOT NULL,
    revoked_at        BIGINT,
    revocation_reason INTEGER,
    revoked_by        TEXT,
    CHECK ((revoked_at IS NULL AND revocation_reason IS NULL AND revoked_by IS NULL)
        OR (revoked_at IS NOT NULL AND revocation_reason IS NOT NULL AND revoked_by IS NOT NULL))
);

-- Listing, newest first (and the cursor of the next page).
CREATE INDEX certificates_issued ON certificates (issued_at, serial);
-- Search by who asked.
CREATE INDEX certificates_requester ON certificates (requester, issued_at);
-- Search by expiry.
CREATE INDEX certificates_not_after ON certificates (not_after);
-- CRLs: the revoked certificates of one issuer that have not yet expired.
CREATE INDEX certificates_revoked ON certificates (issuer_id, not_after) WHERE revoked_at IS NOT NULL;

-- Each certificate's names, one row per name, for search by name.
CREATE TABLE certificate_names (
    name   TEXT      NOT NULL,
    serial ${serial} NOT NULL REFERENCES certificates (serial),
    PRIMARY KEY (name, serial)
);

-- A number bumped in every revocation's transaction: nodes compare it to find stale OCSP responses and CRLs.
CREATE TABLE revocation_state (
    id      INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    version BIGINT  NOT NULL
);
INSERT INTO revocation_state (id, version) VALUES (1, 0);

-- One-time token ids: the primary key makes a token usable once across every node.
CREATE TABLE used_tokens (
    provisioner TEXT   NOT NULL,
    token_id    TEXT   NOT NULL,
    expires_at  BIGINT NOT NULL,
    PRIMARY KEY (provisioner, token_id)
);
CREATE INDEX used_tokens_expiry ON used_tokens (expires_at);

-- Named counters (CRL numbers), incremented by an atomic upsert.
CREATE TABLE counters (
    name          TEXT   NOT NULL PRIMARY KEY,
    current_value BIGINT NOT NULL
);
