-- certa's schema, version 4: what ACME's extensions need, for SQLite and PostgreSQL alike (see V1 for
-- the placeholders and encodings): External Account Binding keys (RFC 8555 section 7.3.4), the profile
-- an order asked for (ACME profiles extension), the certificate an order replaces and which order
-- replaced it (RFC 9773 section 5), and the renewal information an admin pulled forward (RFC 9773).

-- MAC keys an admin hands out of band; a newAccount request proves it holds one, and each key binds
-- at most one account (account_id is set once, by compare-and-set).
CREATE TABLE acme_eab_keys (
    key_id     TEXT      NOT NULL PRIMARY KEY,
    hmac_key   ${binary} NOT NULL,   -- the shared MAC key: a secret, never logged
    label      TEXT      NOT NULL,   -- what the admin said it is for
    created_at BIGINT    NOT NULL,
    account_id TEXT,                 -- the account it bound, once used
    bound_at   BIGINT
);

-- The profile an order was made for (its name as the directory lists it) and the ARI certificate id
-- ("keyIdentifier.serial", base64url) of the certificate it replaces, if any.
ALTER TABLE acme_orders ADD COLUMN profile TEXT NOT NULL DEFAULT '';
ALTER TABLE acme_orders ADD COLUMN replaces TEXT;

-- A certificate is replaced once: the first order finalized as its replacement inserts its serial
-- here, and the primary key lets only one order, on any node, do so.
CREATE TABLE acme_replacements (
    serial   ${serial} NOT NULL PRIMARY KEY,
    order_id TEXT      NOT NULL
);

-- Certificates an admin wants replaced early: renewal information suggests renewing them now.
CREATE TABLE acme_renewal_hints (
    serial      ${serial} NOT NULL PRIMARY KEY,
    since       BIGINT    NOT NULL,
    explanation TEXT                 -- a URL telling subscribers why, if the admin gave one
);
