package dev.certa.store.jdbc;

import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * How values are written to the shared schema: serials as 40 lower-case hex digits (text order is
 * numeric order; RFC 5280 caps serials at 20 octets), instants as microseconds since the epoch (the
 * precision of PostgreSQL's timestamps; finer digits are dropped), names one per line.
 */
public final class Columns {
    /** Hex digits of a serial column: 20 octets. */
    public static final int SERIAL_DIGITS = 40;

    private static final String ZEROS = "0".repeat(SERIAL_DIGITS);

    private Columns() {}

    public static String serial(BigInteger serial) {
        if (serial.signum() <= 0) {
            throw new IllegalArgumentException("serial must be positive");
        }
        if (serial.bitLength() > SERIAL_DIGITS * 4) {
            throw new IllegalArgumentException(
                    "serial " + serial.toString(16) + " is longer than the 20 octets RFC 5280 allows");
        }
        String hex = serial.toString(16);
        return ZEROS.substring(hex.length()) + hex;
    }

    public static BigInteger serial(String column) {
        return new BigInteger(column, 16);
    }

    public static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    public static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    /** The names joined one per line; a name may not be empty or contain a line break. */
    public static String names(List<String> names) {
        for (String name : names) {
            if (name.isEmpty() || name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("a certificate name may not be empty or contain a line break: '" + name + "'");
            }
        }
        return String.join("\n", names);
    }

    public static List<String> names(String column) {
        return column.isEmpty() ? List.of() : List.of(column.split("\n", -1));
    }
}
