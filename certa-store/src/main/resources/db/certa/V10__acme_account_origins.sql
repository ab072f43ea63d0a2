-- certa's schema, version 10: where each new ACME account came from, for the limits on new accounts per
-- client address and overall (acme.rate-limit.accounts-per-ip, acme.rate-limit.new-accounts), counted
-- across every node in the same transaction as the account is stored (see V1 for the encodings).
-- client_address: the address the limit counts by (an IPv4 address, or an IPv6 address's /64 prefix).
-- Accounts made before this version have no row and count against no limit.
CREATE TABLE acme_account_origins (
    account_id     TEXT   NOT NULL PRIMARY KEY REFERENCES acme_accounts (id),
    client_address TEXT   NOT NULL,
    created_at     BIGINT NOT NULL
);
CREATE INDEX acme_account_origins_address ON acme_account_origins (client_address, created_at);
CREATE INDEX acme_account_origins_created ON acme_account_origins (created_at);
