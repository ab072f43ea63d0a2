package dev.certa.core.name;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Literal IP addresses, parsed without any DNS lookup. */
public final class IpAddresses {
    private static final Pattern IPV4 =
            Pattern.compile("^(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}$");
    private static final Pattern IPV6_CHARS = Pattern.compile("^[0-9A-Fa-f:.]+$");

    private IpAddresses() {}

    /** True for a literal IPv4 address (dotted quad) or IPv6 address; never resolves names. */
    public static boolean isLiteral(String text) {
        String t = strip(text);
        if (IPV4.matcher(t).matches()) {
            return true;
        }
        if (t.indexOf(':') < 0 || !IPV6_CHARS.matcher(t).matches()) {
            return false;
        }
        try {
            // only hex digits, ':' and '.', so this parses a literal and never asks DNS;
            // an IPv4-mapped IPv6 address (::ffff:10.0.0.1) comes back as its IPv4 address
            InetAddress a = InetAddress.getByName(t);
            return a instanceof Inet6Address || a instanceof java.net.Inet4Address;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** A literal address in canonical form (IPv6 compressed, lower case). */
    public static String canonical(String text) {
        try {
            return canonical(InetAddress.getByName(strip(text)));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP literal: " + text, e);
        }
    }

    public static String canonical(InetAddress a) {
        if (a instanceof Inet6Address) {
            return compress(a.getHostAddress());
        }
        return a.getHostAddress();
    }

    private static String strip(String t) {
        String s = t.trim();
        return s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
    }

    /** RFC 5952 text form: the longest run of zero groups becomes '::'. */
    static String compress(String full) {
        String[] groups = full.split("%")[0].split(":");
        StringBuilder norm = new StringBuilder();
        int bestStart = -1, bestLen = 0, curStart = -1, curLen = 0;
        for (int i = 0; i < groups.length; i++) {
            groups[i] = Integer.toHexString(Integer.parseInt(groups[i], 16));
            if (groups[i].equals("0")) {
                if (curStart < 0) {
                    curStart = i;
                }
                curLen++;
                if (curLen > bestLen) {
                    bestLen = curLen;
                    bestStart = curStart;
                }
            } else {
                curStart = -1;
                curLen = 0;
            }
        }
        if (bestLen < 2) {
            return String.join(":", groups);
        }
        for (int i = 0; i < groups.length; i++) {
            if (i == bestStart) {
                norm.append(i == 0 ? "::" : ":");
                i += bestLen - 1;
                continue;
            }
            norm.append(groups[i]);
            if (i < groups.length - 1) {
                norm.append(':');
            }
        }
        return norm.toString();
    }
}
