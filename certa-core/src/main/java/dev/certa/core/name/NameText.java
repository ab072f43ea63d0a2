package dev.certa.core.name;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1UTF8String;

/**
 * The text of one attribute value of a subject or issuer name, for reading and for messages, that never
 * throws: a certificate is hostile input, and a UTF8String holding bytes that are not UTF-8 must still be
 * shown (and then refused by the checks), not crash whoever looks at it. Bytes that do not decode are
 * written as {@code \xFF}; a value that is not a string at all as {@code #} and its DER in hex (the
 * RFC 4514 form).
 */
public final class NameText {
    private NameText() {}

    /** The value as text: "Example CA", "a\xFFb" for a UTF8String with the byte 0xFF, "#0403..." for a non-string. */
    public static String of(ASN1Encodable value) {
        try {
            if (value instanceof ASN1UTF8String u) {
                return utf8(contents(u.getEncoded(ASN1Encoding.DER)));
            }
            if (value instanceof ASN1String s) {
                return s.getString();
            }
            return "#" + HexFormat.of().formatHex(value.toASN1Primitive().getEncoded(ASN1Encoding.DER));
        } catch (IOException | RuntimeException e) {
            return "(a value that cannot be read)";
        }
    }

    /** True when the value is a UTF8String whose bytes are not UTF-8 (Bouncy Castle cannot read it as a string). */
    public static boolean undecodable(ASN1Encodable value) {
        if (!(value instanceof ASN1UTF8String u)) {
            return false;
        }
        try {
            byte[] c = contents(u.getEncoded(ASN1Encoding.DER));
            return !isUtf8(c, 0, c.length);
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /** True when {@code length} bytes at {@code offset} are well-formed UTF-8. */
    public static boolean isUtf8(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] < 0) {
                try {
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, offset, length));
                    return true;
                } catch (java.nio.charset.CharacterCodingException e) {
                    return false;
                }
            }
        }
        return true; // ASCII
    }

    /** True when some value of {@code name} is a UTF8String whose bytes are not UTF-8. */
    public static boolean hasUndecodable(org.bouncycastle.asn1.x500.X500Name name) {
        for (var rdn : name.getRDNs()) {
            for (var atv : rdn.getTypesAndValues()) {
                if (undecodable(atv.getValue())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** UTF-8 decoded, each byte that is not part of a well-formed sequence written as {@code \xNN}. */
    static String utf8(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        StringBuilder sb = new StringBuilder(bytes.length);
        while (true) {
            CoderResult r = d.decode(in, out, true);
            out.flip();
            sb.append(out);
            out.clear();
            if (r.isUnderflow()) {
                break;
            }
            if (r.isError()) {
                for (int i = 0; i < r.length(); i++) {
                    sb.append(String.format("\\x%02X", in.get() & 0xff));
                }
            }
        }
        return sb.toString();
    }

    /** The contents octets of a DER encoding (after the tag and the length). */
    private static byte[] contents(byte[] der) {
        int lengthByte = der[1] & 0xff;
        int header = lengthByte < 0x80 ? 2 : 2 + (lengthByte & 0x7f);
        return java.util.Arrays.copyOfRange(der, header, der.length);
    }
}
