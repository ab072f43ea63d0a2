/**
 * Persistence for the online CA, behind narrow interfaces: {@link dev.certa.store.CertificateLedger}
 * (every issued certificate and its revocation state), {@link dev.certa.store.TokenLedger} (one-time
 * token ids, so a token is refused the second time on any node), {@link dev.certa.store.Counters}
 * (CRL numbers) and {@link dev.certa.store.ClusterLocks} (one node at a time for scheduled work).
 * {@link dev.certa.store.Stores#open} gives SQLite (a file, WAL, the embedded default) or PostgreSQL
 * (several {@code certa serve} nodes on one database); both run the same versioned migrations on open.
 */
@NullMarked
package dev.certa.store;

import org.jspecify.annotations.NullMarked;
