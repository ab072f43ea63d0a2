package dev.certa.server.va;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which addresses validation may contact. Without {@code allowPrivate}, loopback, private (RFC 1918,
 * RFC 4193), link-local, carrier-grade NAT, unspecified and multicast addresses are refused: a
 * requester must not be able to make the CA probe its own network.
 */
record AddressPolicy(boolean allowPrivate) {

    boolean allows(InetAddress a) {
        return allowPrivate || isPublic(a);
    }

    static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) != 0xfc; // fc00::/7 unique local
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return !(first == 0 || first == 100 && second >= 64 && second < 128 || first == 198 && (second == 18 || second == 19)
                || first >= 240);
    }
}
