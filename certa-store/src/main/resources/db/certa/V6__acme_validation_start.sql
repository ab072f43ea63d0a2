-- certa's schema, version 6: when a challenge's validation last started, for SQLite and PostgreSQL alike
-- (see V1 for the encodings: microseconds since the epoch). A node that dies while validating leaves its
-- challenge "processing"; every node's sweep looks for challenges processing since longer than a
-- validation can take, and the one node whose compare-and-set on processing_since wins validates it again.
-- NULL: processing since before this column existed (also picked up by the sweep).
ALTER TABLE acme_challenges ADD COLUMN processing_since BIGINT;
CREATE INDEX acme_challenges_processing ON acme_challenges (status, processing_since);
