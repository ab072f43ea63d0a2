package dev.certa.server.va;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Which addresses validation may contact. A requester chooses the names validated, and so (through
 * DNS) the addresses the CA connects to: without care it could make the CA probe its own network
 * (the database, a cloud metadata service at 169.254.169.254, an admin port on loopback). So loopback,
 * private (RFC 1918, RFC 4193), link-local, carrier-grade NAT, unspecified and multicast addresses
 * are refused, unless {@code allowPrivate} (a lab or tests) or the address lies in one of the
 * {@code privateNetworks} named as allowed (a private CA validating hosts on its own internal network,
 * e.g. {@code 10.20.0.0/16}, while the rest stays out of reach).
 *
 * @param allowPrivate contact any address
 * @param privateNetworks networks contacted even though private
 */
public record AddressPolicy(boolean allowPrivate, List<Network> privateNetworks) {
    public AddressPolicy {
        privateNetworks = List.copyOf(privateNetworks);
    }

    /** Public addresses only: the default, and what a CA on the Internet must do. */
    public static AddressPolicy publicOnly() {
        return new AddressPolicy(false, List.of());
    }

    /** Any address at all (a lab on loopback). */
    public static AddressPolicy anyAddress() {
        return new AddressPolicy(true, List.of());
    }

    public boolean allows(InetAddress a) {
        return allowPrivate || isPublic(a) || privateNetworks.stream().anyMatch(n -> n.contains(a));
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

    /**
     * An address block in CIDR notation ({@code 10.20.0.0/16}, {@code fd00:1::/64}, or one address).
     *
     * @param prefixLength how many leading bits an address must share with {@code base}
     */
    public record Network(InetAddress base, int prefixLength) {
        public Network {
            int bits = base.getAddress().length * 8;
            if (prefixLength < 0 || prefixLength > bits) {
                throw new IllegalArgumentException("a prefix length of " + base.getHostAddress() + " is 0 to " + bits);
            }
        }

        /** Reads {@code ADDRESS[/LENGTH]}, where ADDRESS is a literal IPv4 or IPv6 address (no name is looked up). */
        public static Network parse(String cidr) {
            String text = cidr.strip();
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            if (!address.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
                throw new IllegalArgumentException("'" + cidr + "' is not an IP address or network");
            }
            InetAddress base;
            try {
                base = InetAddress.getByName(address);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("'" + cidr + "' is not an IP address or network");
            }
            int length = base.getAddress().length * 8;
            if (slash >= 0) {
                try {
                    length = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + cidr + "' has no prefix length after the '/'");
                }
            }
            return new Network(base, length);
        }

        public boolean contains(InetAddress a) {
            byte[] want = base.getAddress();
            byte[] have = a.getAddress();
            if (want.length != have.length) {
                return false;
            }
            int full = prefixLength / 8;
            for (int i = 0; i < full; i++) {
                if (want[i] != have[i]) {
                    return false;
                }
            }
            int rest = prefixLength % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (want[full] & mask) == (have[full] & mask);
        }

        @Override
        public String toString() {
            return base.getHostAddress() + "/" + prefixLength;
        }
    }
}
