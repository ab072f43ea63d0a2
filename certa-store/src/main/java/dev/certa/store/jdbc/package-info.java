/**
 * The store over JDBC, shared by SQLite and PostgreSQL: one schema, the same SQL, and group commit
 * ({@link dev.certa.store.jdbc.GroupCommitter}) for writes.
 */
@NullMarked
package dev.certa.store.jdbc;

import org.jspecify.annotations.NullMarked;
