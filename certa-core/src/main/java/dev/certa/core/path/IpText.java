package dev.certa.core.path;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.NullMarked;

/**
 * IP addresses as text, parsed strictly and without any DNS lookup: IPv4 only as four decimal octets
 * without leading zeros (RFC 3986 §3.2.2, so "0xC0A80101", "192.168.001.001" and "1.2" are refused,
 * unlike {@code inet_aton} and {@link java.net.InetAddress}); IPv6 as in RFC 4291 §2.2, without a zone.
 * An IPv4-mapped IPv6 address stays 16 bytes: it never equals its IPv4 address.
 */
@NullMarked
final class IpText {
    private IpText() {}

    /** The 4 or 16 bytes of a literal address, or empty if {@code text} is not one. */
    static Optional<byte[]> parse(String text) {
        return text.indexOf(':') >= 0 ? v6(text) : v4(text);
    }

    static Optional<byte[]> v4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')
                    || (p.length() > 1 && p.charAt(0) == '0')) {
                return Optional.empty();
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return Optional.empty();
            }
            out[i] = (byte) v;
        }
        return Optional.of(out);
    }

    private static Optional<byte[]> v6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return Optional.empty();
        }
        List<Integer> front = new ArrayList<>();
        List<Integer> back = new ArrayList<>();
        if (gap < 0) {
            if (!words(text, front, true) || front.size() != 8) {
                return Optional.empty();
            }
        } else if (!words(text.substring(0, gap), front, false) || !words(text.substring(gap + 2), back, true)
                || front.size() + back.size() > 7) {
            return Optional.empty();
        }
        byte[] out = new byte[16];
        for (int i = 0; i < front.size(); i++) {
            put(out, i, front.get(i));
        }
        for (int i = 0; i < back.size(); i++) {
            put(out, 8 - back.size() + i, back.get(i));
        }
        return Optional.of(out);
    }

    private static void put(byte[] out, int word, int value) {
        out[2 * word] = (byte) (value >> 8);
        out[2 * word + 1] = (byte) value;
    }

    /** "a:b:c" (or "") as 16-bit words; the last piece may be a dotted IPv4 address when allowed. */
    private static boolean words(String text, List<Integer> out, boolean ipv4Tail) {
        if (text.isEmpty()) {
            return true;
        }
        String[] parts = text.split(":", -1);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (ipv4Tail && i == parts.length - 1 && p.indexOf('.') >= 0) {
                Optional<byte[]> v4 = v4(p);
                if (v4.isEmpty()) {
                    return false;
                }
                byte[] b = v4.get();
                out.add(((b[0] & 0xff) << 8) | (b[1] & 0xff));
                out.add(((b[2] & 0xff) << 8) | (b[3] & 0xff));
                continue;
            }
            if (p.isEmpty() || p.length() > 4 || !p.chars().allMatch(IpText::isHex)) {
                return false;
            }
            out.add(Integer.parseInt(p, 16));
        }
        return true;
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /**
     * The canonical text of a 4- or 16-byte address: dotted decimal, or RFC 5952 §4 (lower case, no
     * leading zeros, the first longest run of two or more zero groups as "::"). Other lengths are shown
     * as hex with their length, for messages.
     */
    static String format(byte[] address) {
        if (address.length == 4) {
            return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "." + (address[3] & 0xff);
        }
        if (address.length != 16) {
            StringBuilder hex = new StringBuilder();
            for (byte b : address) {
                hex.append(String.format("%02x", b & 0xff));
            }
            return "<" + address.length + " bytes: " + hex + ">";
        }
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) {
            w[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (w[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && w[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(w[i]));
        }
        return sb.toString();
    }

    /** An address and mask from a name constraint as "192.0.2.0/24", or with the mask spelled out if it is not a prefix. */
    static String formatRange(byte[] network, byte[] mask) {
        int prefix = prefixLength(mask);
        return format(network) + "/" + (prefix >= 0 ? Integer.toString(prefix) : format(mask));
    }

    /** The number of leading one bits of a contiguous mask, or -1 if ones follow a zero. */
    static int prefixLength(byte[] mask) {
        int ones = 0;
        boolean zeroSeen = false;
        for (byte b : mask) {
            for (int bit = 7; bit >= 0; bit--) {
                boolean one = ((b >> bit) & 1) == 1;
                if (one && zeroSeen) {
                    return -1;
                }
                if (one) {
                    ones++;
                } else {
                    zeroSeen = true;
                }
            }
        }
        return ones;
    }
}
