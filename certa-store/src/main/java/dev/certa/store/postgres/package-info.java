/** PostgreSQL, for several nodes acting as one CA: pooled connections, advisory locks. */
@NullMarked
package dev.certa.store.postgres;

import org.jspecify.annotations.NullMarked;
