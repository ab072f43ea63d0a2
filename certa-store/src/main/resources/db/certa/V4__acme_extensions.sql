-- certa's schema, version 4: what ACME's extensions need, for SQLite and PostgreSQL alike (see V1 for
-- the placeholders and encodings): External Account Binding keys (RFC 8555 section 7.3.4), the profile
-- an order asked for (ACME profiles extension), the certificate an order replaces and which order
-- replaced it (RFC 9773 section 5), the renewal information an admin pulled forward (RFC 9773), and
-- the registered domains of orders, which rate limits count.

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

-- The profile an order was made for (its name as the directory lists it), the ARI certificate id
-- ("keyIdentifier.serial", base64url) of the certificate it replaces, if any, and the notAfter it asked for.
ALTER TABLE acme_orders ADD COLUMN profile TEXT NOT NULL DEFAULT '';
ALTER TABLE acme_orders ADD COLUMN replaces TEXT;
ALTER TABLE acme_orders ADD COLUMN not_after BIGINT;

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

-- The registered domains (e.g. example.com for www.example.com) each order named, one row per domain,
-- so that a rate limit per registered domain counts recent orders with one index range.
CREATE TABLE acme_order_domains (
    domain     TEXT   NOT NULL,
    created_at BIGINT NOT NULL,
    order_id   TEXT   NOT NULL
);
CREATE INDEX acme_order_domains_recent ON acme_order_domains (domain, created_at);
