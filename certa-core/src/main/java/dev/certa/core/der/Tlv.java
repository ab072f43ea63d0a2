package dev.certa.core.der;

import java.util.List;

/**
 * DER's tag-length-value framing, written directly: a tag, a definite length (short or long form) and
 * the contents concatenated. Issuance and the CRL/OCSP encoders build their structures with it instead
 * of an ASN.1 object model on their hot paths.
 */
public final class Tlv {
    private Tlv() {}

    /** Tag, definite length, and the contents concatenated. */
    public static byte[] of(int tag, byte[]... contents) {
        return of(tag, java.util.Arrays.asList(contents)); // a view, not a copy: this is on the issuance hot path
    }

    /** Tag, definite length, and the contents concatenated. */
    public static byte[] of(int tag, List<byte[]> contents) {
        int length = 0;
        for (byte[] c : contents) {
            length += c.length;
        }
        byte[] out = new byte[1 + lengthOfLength(length) + length];
        int at = header(out, tag, length);
        for (byte[] c : contents) {
            System.arraycopy(c, 0, out, at, c.length);
            at += c.length;
        }
        return out;
    }

    private static int lengthOfLength(int length) {
        if (length < 0x80) {
            return 1;
        }
        int octets = 0;
        for (int l = length; l > 0; l >>>= 8) {
            octets++;
        }
        return 1 + octets;
    }

    private static int header(byte[] out, int tag, int length) {
        int at = 0;
        out[at++] = (byte) tag;
        if (length < 0x80) {
            out[at++] = (byte) length;
            return at;
        }
        int octets = lengthOfLength(length) - 1;
        out[at++] = (byte) (0x80 | octets);
        for (int i = octets - 1; i >= 0; i--) {
            out[at++] = (byte) (length >>> (8 * i));
        }
        return at;
    }
}
