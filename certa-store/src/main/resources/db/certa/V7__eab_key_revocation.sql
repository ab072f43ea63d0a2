-- certa's schema, version 7: an External Account Binding key an admin revoked (see V1 for the encodings:
-- microseconds since the epoch). A revoked key binds no account any more; the row stays, so that the
-- list of keys still says which account a key bound and when it was revoked. NULL: not revoked.
ALTER TABLE acme_eab_keys ADD COLUMN revoked_at BIGINT;
