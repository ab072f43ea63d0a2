package dev.certa.core.issue;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * Certificate serial numbers: 128 bits from a CSPRNG, positive, at most 17 octets DER-encoded
 * (RFC 5280 allows 20; CA/B asks for at least 64 random bits). Unpredictable serials defeat
 * chosen-prefix collision attacks.
 */
public final class SerialNumbers {
    private SerialNumbers() {}

    public static BigInteger random(SecureRandom random) {
        byte[] b = new byte[16];
        BigInteger s;
        do {
            random.nextBytes(b);
            s = new BigInteger(1, b);
        } while (s.bitLength() < 64);
        return s;
    }
}
