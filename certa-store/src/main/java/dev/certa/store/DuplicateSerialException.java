package dev.certa.store;

import java.math.BigInteger;

/** A serial number was recorded twice; the second certificate must be discarded, never returned. */
public final class DuplicateSerialException extends StoreException {
    private final BigInteger serial;

    public DuplicateSerialException(BigInteger serial) {
        super("serial " + serial.toString(16) + " is already recorded", null);
        this.serial = serial;
    }

    public BigInteger serial() {
        return serial;
    }
}
