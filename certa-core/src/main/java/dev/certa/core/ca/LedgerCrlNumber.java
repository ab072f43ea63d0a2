package dev.certa.core.ca;

import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The number of a CRL a CA signed. It is written to the ledger before the CRL is written out, so a
 * number is never used twice: RFC 5280 asks that each CA's CRL numbers only grow.
 */
public record LedgerCrlNumber(String issuerKey, BigInteger number, Instant thisUpdate) implements LedgerRecord {

    public LedgerCrlNumber {
        thisUpdate = thisUpdate.truncatedTo(ChronoUnit.SECONDS);
    }
}
