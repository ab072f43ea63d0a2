package dev.certa.server.va;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses validation may contact. A requester chooses the names validated, and so (through
 * DNS) the addresses the CA connects to: without care it could make the CA probe its own network
 * (the database, a cloud metadata service at 169.254.169.254, an admin port on loopback). So every
 * block of the IANA IPv4 and IPv6 Special-Purpose Address Registries that is not globally reachable
 * (loopback, private, link-local, carrier-grade NAT, documentation, benchmarking, reserved, IETF
 * protocol assignments), multicast, and IPv6 outside the global unicast space are refused (the table
 * is {@link SpecialPurposeAddresses}). An IPv6 address that carries an IPv4 one (NAT64
 * {@code 64:ff9b::/96} and {@code 64:ff9b:1::/48}, 6to4 {@code 2002::/16}, Teredo {@code 2001::/32},
 * IPv4-compatible {@code ::a.b.c.d}, IPv4-mapped {@code ::ffff:a.b.c.d}) is judged by that IPv4
 * address, as the packets end up there: {@code 64:ff9b::a9fe:a9fe} is the metadata service.
 *
 * <p>{@code allowPrivate} (a lab or tests) lets any address through; an address in one of the
 * {@code privateNetworks} named as allowed (a private CA validating hosts on its own internal
 * network, e.g. {@code 10.20.0.0/16}, while the rest stays out of reach) is let through too, and so is
 * an IPv6 address whose embedded IPv4 address lies in one.
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
        return refusal(a).isEmpty();
    }

    /**
     * Why {@code a} is not contacted, naming its registry block ("in Documentation (RFC 3849)",
     * "in 6to4 (RFC 3056), which carries 10.0.0.1, in Private-Use (RFC 1918)"); empty if it may be.
     */
    public Optional<String> refusal(InetAddress a) {
        if (allowPrivate || privateNetworks.stream().anyMatch(n -> n.contains(a))) {
            return Optional.empty();
        }
        Optional<SpecialPurposeAddresses.Entry> found = SpecialPurposeAddresses.find(a);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SpecialPurposeAddresses.Entry e = found.get();
        return switch (e.kind()) {
            case REACHABLE -> Optional.empty();
            case REFUSED -> Optional.of("in " + e.name());
            case EMBEDS_IPV4 -> e.embedding().carried(a.getAddress()).stream()
                    .flatMap(v4 -> refusal(v4).map(why -> "in " + e.name() + ", which carries " + v4.getHostAddress() + ", " + why).stream())
                    .findFirst();
        };
    }

    /** Whether {@code a} is contacted by a CA that allows no private network. */
    static boolean isPublic(InetAddress a) {
        return publicOnly().allows(a);
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
                if (address.contains(":") && base instanceof Inet4Address v4) {
                    base = ipv4Mapped(v4);
                }
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

        /** {@code ::ffff:a.b.c.d} as an IPv6 address (Java reads that literal as the IPv4 address). */
        private static InetAddress ipv4Mapped(Inet4Address v4) throws UnknownHostException {
            byte[] b = new byte[16];
            b[10] = (byte) 0xff;
            b[11] = (byte) 0xff;
            System.arraycopy(v4.getAddress(), 0, b, 12, 4);
            return Inet6Address.getByAddress(null, b, -1);
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
