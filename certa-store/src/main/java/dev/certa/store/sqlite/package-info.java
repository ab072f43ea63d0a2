/** The embedded default: one SQLite file in WAL mode, one writer connection, pooled readers. */
@NullMarked
package dev.certa.store.sqlite;

import org.jspecify.annotations.NullMarked;
