/** The versioned schema migrations both databases run on open (Flyway, scripts in {@code db/certa}). */
@NullMarked
package dev.certa.store.migration;

import org.jspecify.annotations.NullMarked;
