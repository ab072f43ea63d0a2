package dev.certa.core.path;

/**
 * A strict reader of plain DER over part of a byte array: low tag numbers, definite minimal lengths, nothing
 * past the end. It never guesses: anything else is {@link Unusual}, and the caller hands the input to Bouncy
 * Castle's general parser instead, which decides (and words) what is wrong with it, exactly as before this
 * reader existed. So the reader only has to be right about what it accepts.
 */
final class Der {
    static final int BOOLEAN = 0x01;
    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OID = 0x06;
    static final int UTF8_STRING = 0x0C;
    static final int PRINTABLE_STRING = 0x13;
    static final int IA5_STRING = 0x16;
    static final int UTC_TIME = 0x17;
    static final int GENERALIZED_TIME = 0x18;
    static final int SEQUENCE = 0x30;
    static final int SET = 0x31;

    /** The input is not the plain DER this reader handles; let the general parser judge it. */
    static final class Unusual extends Exception {
        Unusual(String what) {
            super(what, null, false, false); // control flow, not an error: no stack trace
        }
    }

    private final byte[] b;
    private int pos;
    private final int end;
    private int tag = -1;
    private int start;
    private int valueStart;
    private int valueEnd;

    Der(byte[] b, int from, int to) {
        this.b = b;
        this.pos = from;
        this.end = to;
    }

    Der(byte[] b) {
        this(b, 0, b.length);
    }

    boolean hasMore() {
        return pos < end;
    }

    /** The tag of the next element, or -1 at the end. */
    int peekTag() {
        return pos < end ? b[pos] & 0xff : -1;
    }

    /** Reads the next element, which must carry {@code expected} as its (single-byte) tag. */
    Der next(int expected) throws Unusual {
        if (pos >= end) {
            throw new Unusual("missing element");
        }
        int t = b[pos] & 0xff;
        if (t != expected) {
            throw new Unusual("unexpected tag");
        }
        readHeader();
        return this;
    }

    /** Reads the next element whatever its tag (a low tag number). */
    Der next() throws Unusual {
        if (pos >= end) {
            throw new Unusual("missing element");
        }
        if ((b[pos] & 0x1f) == 0x1f) {
            throw new Unusual("high tag number");
        }
        readHeader();
        return this;
    }

    private void readHeader() throws Unusual {
        int p = pos;
        start = p;
        tag = b[p++] & 0xff;
        if (p >= end) {
            throw new Unusual("truncated");
        }
        int first = b[p++] & 0xff;
        int len;
        if (first < 0x80) {
            len = first;
        } else {
            int count = first & 0x7f;
            if (count == 0 || count > 3 || p + count > end || b[p] == 0) {
                throw new Unusual("indefinite, oversized or non-minimal length");
            }
            len = 0;
            for (int i = 0; i < count; i++) {
                len = (len << 8) | (b[p++] & 0xff);
            }
            if (len < 0x80 || len < (1 << (8 * (count - 1)))) {
                throw new Unusual("non-minimal length");
            }
        }
        if (len > end - p) {
            throw new Unusual("truncated");
        }
        valueStart = p;
        valueEnd = p + len;
        pos = valueEnd;
    }

    /** Requires that nothing follows. */
    void end() throws Unusual {
        if (pos != end) {
            throw new Unusual("trailing data");
        }
    }

    int tag() {
        return tag;
    }

    int start() {
        return start;
    }

    int valueStart() {
        return valueStart;
    }

    int valueEnd() {
        return valueEnd;
    }

    int valueLength() {
        return valueEnd - valueStart;
    }

    /** The whole buffer this reader reads from (do not modify); positions are {@link #valueStart()} and so on. */
    byte[] bytes() {
        return b;
    }

    byte at(int i) {
        return b[i];
    }

    /** A reader over the contents of the element just read. */
    Der inside() {
        return new Der(b, valueStart, valueEnd);
    }

    /** The whole element just read (tag, length and value), copied. */
    byte[] element() {
        return java.util.Arrays.copyOfRange(b, start, valueEnd);
    }

    /** The contents of the element just read, copied. */
    byte[] value() {
        return java.util.Arrays.copyOfRange(b, valueStart, valueEnd);
    }

    /** True when the element just read is exactly {@code bytes} (tag, length and value). */
    boolean elementIs(byte[] bytes) {
        return java.util.Arrays.equals(b, start, valueEnd, bytes, 0, bytes.length);
    }

    /** The contents of the INTEGER just read, refused unless minimally encoded (as Bouncy Castle requires). */
    void requireMinimalInteger() throws Unusual {
        int n = valueLength();
        if (n == 0) {
            throw new Unusual("empty integer");
        }
        if (n > 1) {
            int b0 = b[valueStart] & 0xff;
            int b1 = b[valueStart + 1] & 0x80;
            if ((b0 == 0 && b1 == 0) || (b0 == 0xff && b1 != 0)) {
                throw new Unusual("non-minimal integer");
            }
        }
    }

    /** The unused-bits byte of a BIT STRING must be 0 and present; returns where the bits start. */
    int octetAlignedBits() throws Unusual {
        if (valueLength() < 1 || b[valueStart] != 0) {
            throw new Unusual("bit string not octet-aligned");
        }
        return valueStart + 1;
    }

    /** "2.5.29.0" … "2.5.29.127": the certificate extensions' arc, looked up rather than built. */
    private static final String[] ID_CE = java.util.stream.IntStream.range(0, 128).mapToObj(i -> "2.5.29." + i)
            .toArray(String[]::new);

    /**
     * OIDs every web certificate carries (signature and key algorithms, curves, PKIX extensions, key purposes,
     * access methods, CA/B policies), by their contents octets: found by comparison instead of spelt out.
     */
    private static final byte[][] COMMON_ENCODED;
    private static final String[] COMMON_DOTTED = {
        "1.2.840.113549.1.1.1", "1.2.840.113549.1.1.5", "1.2.840.113549.1.1.10", "1.2.840.113549.1.1.11",
        "1.2.840.113549.1.1.12", "1.2.840.113549.1.1.13", "1.2.840.10045.2.1", "1.2.840.10045.3.1.7",
        "1.3.132.0.34", "1.3.132.0.35", "1.2.840.10045.4.3.2", "1.2.840.10045.4.3.3", "1.2.840.10045.4.3.4",
        "1.3.101.112", "1.3.101.113", "1.3.6.1.5.5.7.1.1", "1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2",
        "1.3.6.1.5.5.7.48.1", "1.3.6.1.5.5.7.48.2", "1.3.6.1.4.1.11129.2.4.2", "2.23.140.1.2.1", "2.23.140.1.2.2",
    };

    static {
        COMMON_ENCODED = new byte[COMMON_DOTTED.length][];
        for (int i = 0; i < COMMON_DOTTED.length; i++) {
            COMMON_ENCODED[i] = encodeOid(COMMON_DOTTED[i]);
        }
    }

    /** The contents octets of a dotted OID (first arc 0-2, the second below 40 unless the first is 2). */
    static byte[] encodeOid(String dotted) {
        String[] arcs = dotted.split("\\.");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        long first = Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]);
        for (int i = 1; i < arcs.length; i++) {
            long v = i == 1 ? first : Long.parseLong(arcs[i]);
            int groups = 1;
            for (long t = v >>> 7; t != 0; t >>>= 7) {
                groups++;
            }
            for (int g = groups - 1; g >= 0; g--) {
                out.write((int) ((v >>> (7 * g)) & 0x7f) | (g == 0 ? 0 : 0x80));
            }
        }
        return out.toByteArray();
    }

    /** The OBJECT IDENTIFIER just read, in dotted form; refused when its contents are not valid. */
    String oid() throws Unusual {
        if (tag == OID && valueLength() == 3 && b[valueStart] == 0x55 && b[valueStart + 1] == 0x1d && b[valueStart + 2] >= 0) {
            return ID_CE[b[valueStart + 2]];
        }
        if (tag == OID) {
            int n = valueLength();
            for (int i = 0; i < COMMON_ENCODED.length; i++) {
                byte[] c = COMMON_ENCODED[i];
                if (c.length == n && java.util.Arrays.equals(b, valueStart, valueEnd, c, 0, n)) {
                    return COMMON_DOTTED[i];
                }
            }
        }
        return dotted(true);
    }

    /** Refuses the OBJECT IDENTIFIER just read when its contents are not valid, without spelling it out. */
    void checkOid() throws Unusual {
        dotted(false);
    }

    private String dotted(boolean spell) throws Unusual {
        if (tag != OID) {
            throw new Unusual("not an OID");
        }
        int n = valueLength();
        if (n < 1 || n > 128) {
            throw new Unusual("OID length");
        }
        StringBuilder sb = spell ? new StringBuilder(n * 3) : null;
        long value = 0;
        boolean subIdStart = true;
        boolean firstDone = false;
        for (int i = valueStart; i < valueEnd; i++) {
            int v = b[i] & 0xff;
            if (subIdStart && v == 0x80) {
                throw new Unusual("non-minimal OID arc");
            }
            if (value > (Long.MAX_VALUE >> 7)) {
                throw new Unusual("OID arc too large");
            }
            value = (value << 7) | (v & 0x7f);
            subIdStart = (v & 0x80) == 0;
            if (subIdStart) {
                if (sb != null) {
                    if (!firstDone) {
                        int root = value < 40 ? 0 : value < 80 ? 1 : 2;
                        sb.append(root).append('.').append(value - 40L * root);
                        firstDone = true;
                    } else {
                        sb.append('.').append(value);
                    }
                }
                value = 0;
            }
        }
        if (!subIdStart) {
            throw new Unusual("truncated OID");
        }
        return sb == null ? "" : sb.toString();
    }

    /**
     * True when {@code encoded} is exactly one element of plain DER that Bouncy Castle's
     * {@code ASN1Primitive.fromByteArray} is certain to accept: nested SEQUENCE, SET and tagged
     * elements, BOOLEAN, INTEGER, BIT STRING, OCTET STRING, NULL, OID and a few string types whose
     * contents that parser does not check. False means "ask Bouncy Castle", not "malformed".
     */
    static boolean acceptable(byte[] encoded) {
        try {
            Der d = new Der(encoded);
            d.acceptableElement(0);
            d.end();
            return true;
        } catch (Unusual e) {
            return false;
        }
    }

    private void acceptableElement(int depth) throws Unusual {
        if (depth > 32) {
            throw new Unusual("too deep");
        }
        next();
        boolean constructed = (tag & 0x20) != 0;
        if ((tag & 0xc0) != 0 || tag == SEQUENCE || tag == SET) {
            if (constructed) {
                Der in = inside();
                while (in.hasMore()) {
                    in.acceptableElement(depth + 1);
                }
            }
            return;
        }
        switch (tag) {
            case BOOLEAN, NULL -> {
                if (valueLength() != (tag == BOOLEAN ? 1 : 0)) {
                    throw new Unusual("bad length");
                }
            }
            case INTEGER -> requireMinimalInteger();
            case BIT_STRING -> {
                int n = valueLength();
                int pad = n == 0 ? -1 : b[valueStart] & 0xff;
                if (pad < 0 || pad > 7 || (pad > 0 && n < 2)) {
                    throw new Unusual("bad bit string");
                }
            }
            case OID -> checkOid();
            case OCTET_STRING, UTF8_STRING, PRINTABLE_STRING, IA5_STRING -> {
                // contents not checked by the general parser either
            }
            default -> throw new Unusual("tag left to the general parser");
        }
    }
}
