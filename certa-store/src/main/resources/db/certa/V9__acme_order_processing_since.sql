-- certa's schema, version 9: when an order's finalization started, for SQLite and PostgreSQL alike (see V1
-- for the encodings: microseconds since the epoch). A node that dies between an order's move to
-- "processing" and its certificate leaves the order processing; every node's sweep looks for orders
-- processing since longer than a finalization can take and fails them (the certificate and the move to
-- "valid" are one transaction, so such an order has no certificate), releasing what they claimed to replace.
-- NULL: processing since before this column existed (also picked up by the sweep).
ALTER TABLE acme_orders ADD COLUMN processing_since BIGINT;
CREATE INDEX acme_orders_processing ON acme_orders (status, processing_since);
CREATE INDEX acme_replacements_order ON acme_replacements (order_id);
