package dev.certa.core.ca;

/**
 * One line of an offline CA's {@link CaLedger}: a certificate the CA issued, a revocation, or the
 * number of a CRL it signed. Records are only ever appended; the ledger's state is their sum.
 */
public sealed interface LedgerRecord permits LedgerCertificate, LedgerRevocation, LedgerCrlNumber {}
