-- certa's schema, version 5: finding an account's valid authorization for an identifier, so that a new
-- order reuses it (as Let's Encrypt does) instead of asking for the same proof again. Same statement on
-- both databases.
CREATE INDEX acme_authorizations_reuse ON acme_authorizations (account_id, identifier, status, expires_at);
