package dev.certa.core.revocation;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;

/**
 * The few DER encodings CRLs and OCSP responses are made of, written directly: a CRL with 100,000
 * entries is 100,000 small byte arrays concatenated, not 100,000 Bouncy Castle object trees.
 */
final class Der {
    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int ENUMERATED = 0x0a;
    static final int SEQUENCE = 0x30;
    static final int UTC_TIME = 0x17;
    static final int GENERALIZED_TIME = 0x18;

    private Der() {}

    static byte[] tlv(int tag, byte[]... contents) {
        return tlv(tag, List.of(contents));
    }

    static byte[] tlv(int tag, List<byte[]> contents) {
        return dev.certa.core.der.Tlv.of(tag, contents);
    }

    static byte[] integer(BigInteger value) {
        return tlv(INTEGER, value.toByteArray());
    }

    static byte[] enumerated(int value) {
        return tlv(ENUMERATED, BigInteger.valueOf(value).toByteArray());
    }

    static byte[] bitString(byte[] bits) {
        byte[] contents = new byte[bits.length + 1]; // first octet: no unused bits
        System.arraycopy(bits, 0, contents, 1, bits.length);
        return tlv(BIT_STRING, contents);
    }

    /** RFC 5280 Time: UTCTime for 1950 to 2049, GeneralizedTime otherwise; whole seconds, "Z". */
    static byte[] time(Instant instant) {
        int year = LocalDateTime.ofInstant(instant, ZoneOffset.UTC).getYear();
        return year >= 1950 && year < 2050 ? timeOf(instant, UTC_TIME, false) : generalizedTime(instant);
    }

    /** GeneralizedTime in whole seconds, as OCSP writes every time. */
    static byte[] generalizedTime(Instant instant) {
        return timeOf(instant, GENERALIZED_TIME, true);
    }

    private static byte[] timeOf(Instant instant, int tag, boolean fourDigitYear) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        int digits = fourDigitYear ? 14 : 12;
        byte[] out = new byte[2 + digits + 1];
        out[0] = (byte) tag;
        out[1] = (byte) (digits + 1);
        int at = 2;
        if (fourDigitYear) {
            at = two(out, at, t.getYear() / 100);
        }
        at = two(out, at, t.getYear() % 100);
        at = two(out, at, t.getMonthValue());
        at = two(out, at, t.getDayOfMonth());
        at = two(out, at, t.getHour());
        at = two(out, at, t.getMinute());
        at = two(out, at, t.getSecond());
        out[at] = 'Z';
        return out;
    }

    private static int two(byte[] out, int at, int value) {
        out[at] = (byte) ('0' + value / 10);
        out[at + 1] = (byte) ('0' + value % 10);
        return at + 2;
    }

    static byte[] encode(ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding failed", e);
        }
    }
}
