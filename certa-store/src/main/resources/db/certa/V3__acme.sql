-- certa's schema, version 3: ACME (RFC 8555) accounts, orders, authorizations, challenges and used
-- nonces, shared by every node. The same statements for SQLite and PostgreSQL (see V1 for the
-- placeholders and the encodings: instants are microseconds since the epoch, lists one item per line).
-- Statuses are RFC 8555's words (pending, ready, processing, valid, invalid, deactivated, ...).

-- Accounts, found by URL id or by the SHA-256 thumbprint (RFC 7638) of their key: one account per key.
CREATE TABLE acme_accounts (
    id             TEXT   NOT NULL PRIMARY KEY,
    key_thumbprint TEXT   NOT NULL,
    jwk            TEXT   NOT NULL,   -- the public key as a JSON Web Key
    contacts       TEXT   NOT NULL,   -- mailto: URLs, one per line
    status         TEXT   NOT NULL,
    created_at     BIGINT NOT NULL
);
CREATE UNIQUE INDEX acme_accounts_key ON acme_accounts (key_thumbprint);

-- Orders: the identifiers asked for ("dns:example.com", "ip:192.0.2.1"), their authorizations' ids in
-- the same order, and once valid the serial of the certificate issued for them.
CREATE TABLE acme_orders (
    id                TEXT   NOT NULL PRIMARY KEY,
    account_id        TEXT   NOT NULL REFERENCES acme_accounts (id),
    status            TEXT   NOT NULL,
    identifiers       TEXT   NOT NULL,
    authorization_ids TEXT   NOT NULL,
    expires_at        BIGINT NOT NULL,
    error             TEXT,             -- an RFC 8555 problem document (JSON) when invalid
    certificate_serial ${serial},
    created_at        BIGINT NOT NULL
);
CREATE INDEX acme_orders_account ON acme_orders (account_id, created_at);
CREATE INDEX acme_orders_certificate ON acme_orders (certificate_serial);

-- Authorizations: one identifier, for one account.
CREATE TABLE acme_authorizations (
    id         TEXT   NOT NULL PRIMARY KEY,
    account_id TEXT   NOT NULL REFERENCES acme_accounts (id),
    identifier TEXT   NOT NULL,
    status     TEXT   NOT NULL,
    expires_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);

-- Challenges of an authorization: one row per method offered, each with its own token.
CREATE TABLE acme_challenges (
    id               TEXT   NOT NULL PRIMARY KEY,
    authorization_id TEXT   NOT NULL REFERENCES acme_authorizations (id),
    position         INTEGER NOT NULL,
    type             TEXT   NOT NULL,
    token            TEXT   NOT NULL,
    status           TEXT   NOT NULL,
    validated_at     BIGINT,
    error            TEXT               -- an RFC 8555 problem document (JSON) when invalid
);
CREATE INDEX acme_challenges_authorization ON acme_challenges (authorization_id, position);

-- Nonces are HMAC-ed by the server (no write to hand one out); a nonce is used once because its id is
-- inserted here when it is redeemed, and the primary key lets only the first insert on any node win.
CREATE TABLE acme_used_nonces (
    nonce_id   TEXT   NOT NULL PRIMARY KEY,
    expires_at BIGINT NOT NULL
);
CREATE INDEX acme_used_nonces_expiry ON acme_used_nonces (expires_at);

-- Secrets shared by the nodes (the nonce MAC key), created once by whichever node needs one first.
CREATE TABLE acme_secrets (
    name  TEXT      NOT NULL PRIMARY KEY,
    value ${binary} NOT NULL
);
