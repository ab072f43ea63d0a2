package dev.certa.server.va;

import dev.certa.server.va.AddressPolicy.Network;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890, as updated to 2024), plus the
 * multicast and reserved blocks of the IPv4 and IPv6 Address Space registries, as a table: each entry
 * the block, its registry name, and what validation does with an address in it. The most specific
 * entry wins (so {@code 192.0.0.9/32}, Port Control Protocol Anycast, globally reachable, is not
 * refused although {@code 192.0.0.0/24} is). Blocks that carry an IPv4 address inside an IPv6 one
 * (NAT64, 6to4, Teredo, IPv4-compatible and IPv4-mapped) are judged by that IPv4 address.
 */
final class SpecialPurposeAddresses {
    /** What an address in a block is. */
    enum Kind {
        /** The registry's "Globally Reachable: True": contacted like any public address. */
        REACHABLE,
        /** Not globally reachable (or reserved, deprecated, multicast): never contacted. */
        REFUSED,
        /** Carries an IPv4 address; judged by it (see {@link AddressPolicy}). */
        EMBEDS_IPV4
    }

    /**
     * One registry row.
     *
     * @param block the address block
     * @param name its name in the registry, and the RFC
     */
    record Entry(Network block, String name, Kind kind, Embedding embedding) {}

    /** Where an IPv6 address carries an IPv4 one. */
    enum Embedding {
        NONE,
        /** The last 32 bits: NAT64 /96 (RFC 6052), IPv4-compatible, -mapped and -translated. */
        LAST_32_BITS,
        /**
         * NAT64 local-use prefix {@code 64:ff9b:1::/48} (RFC 8215): the operator picks a prefix of 48 to
         * 96 bits inside it, so the IPv4 address may sit at any RFC 6052 section 2.2 position; every
         * reading must be allowed.
         */
        NAT64_LOCAL,
        /** 6to4 (RFC 3056): bits 16 to 47. */
        SIX_TO_FOUR,
        /** Teredo (RFC 4380): the server at bits 32 to 63, the client at the last 32 bits, each bit inverted. */
        TEREDO;

        List<InetAddress> carried(byte[] v6) {
            return switch (this) {
                case NONE -> List.of();
                case LAST_32_BITS -> List.of(v4(v6[12], v6[13], v6[14], v6[15]));
                case NAT64_LOCAL -> nat64LocalReadings(v6);
                case SIX_TO_FOUR -> List.of(v4(v6[2], v6[3], v6[4], v6[5]));
                case TEREDO -> List.of(v4(v6[4], v6[5], v6[6], v6[7]),
                        v4((byte) ~v6[12], (byte) ~v6[13], (byte) ~v6[14], (byte) ~v6[15]));
            };
        }

        /**
         * The IPv4 address as read for an operator prefix of 48, 56, 64 and 96 bits (RFC 6052 section
         * 2.2), each reading kept only where the bits after the address are zero (the /96 reading
         * always is): every plausible reading must be allowed.
         */
        private static List<InetAddress> nat64LocalReadings(byte[] v6) {
            List<InetAddress> out = new ArrayList<>();
            if (zeroFrom(v6, 11)) {
                out.add(v4(v6[6], v6[7], v6[9], v6[10]));
            }
            if (zeroFrom(v6, 12)) {
                out.add(v4(v6[7], v6[9], v6[10], v6[11]));
            }
            if (zeroFrom(v6, 13)) {
                out.add(v4(v6[9], v6[10], v6[11], v6[12]));
            }
            out.add(v4(v6[12], v6[13], v6[14], v6[15]));
            return out;
        }

        private static boolean zeroFrom(byte[] b, int from) {
            for (int i = from; i < b.length; i++) {
                if (b[i] != 0) {
                    return false;
                }
            }
            return true;
        }

        private static InetAddress v4(byte a, byte b, byte c, byte d) {
            try {
                return InetAddress.getByAddress(new byte[] {a, b, c, d});
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final List<Entry> TABLE = sortedMostSpecificFirst(List.of(
            // IANA IPv4 Special-Purpose Address Registry
            refused("0.0.0.0/8", "\"This network\" (RFC 791)"),
            refused("0.0.0.0/32", "\"This host on this network\" (RFC 1122)"),
            refused("10.0.0.0/8", "Private-Use (RFC 1918)"),
            refused("100.64.0.0/10", "Shared Address Space, carrier-grade NAT (RFC 6598)"),
            refused("127.0.0.0/8", "Loopback (RFC 1122)"),
            refused("169.254.0.0/16", "Link Local, cloud metadata at 169.254.169.254 (RFC 3927)"),
            refused("172.16.0.0/12", "Private-Use (RFC 1918)"),
            refused("192.0.0.0/24", "IETF Protocol Assignments (RFC 6890)"),
            refused("192.0.0.0/29", "IPv4 Service Continuity Prefix (RFC 7335)"),
            refused("192.0.0.8/32", "IPv4 dummy address (RFC 7600)"),
            reachable("192.0.0.9/32", "Port Control Protocol Anycast (RFC 7723)"),
            reachable("192.0.0.10/32", "Traversal Using Relays around NAT Anycast (RFC 8155)"),
            refused("192.0.0.170/32", "NAT64/DNS64 Discovery (RFC 8880)"),
            refused("192.0.0.171/32", "NAT64/DNS64 Discovery (RFC 8880)"),
            refused("192.0.2.0/24", "Documentation, TEST-NET-1 (RFC 5737)"),
            reachable("192.31.196.0/24", "AS112-v4 (RFC 7535)"),
            reachable("192.52.193.0/24", "AMT (RFC 7450)"),
            refused("192.88.99.0/24", "Deprecated, 6to4 Relay Anycast (RFC 7526)"),
            refused("192.168.0.0/16", "Private-Use (RFC 1918)"),
            reachable("192.175.48.0/24", "Direct Delegation AS112 Service (RFC 7534)"),
            refused("198.18.0.0/15", "Benchmarking (RFC 2544)"),
            refused("198.51.100.0/24", "Documentation, TEST-NET-2 (RFC 5737)"),
            refused("203.0.113.0/24", "Documentation, TEST-NET-3 (RFC 5737)"),
            refused("240.0.0.0/4", "Reserved (RFC 1112)"),
            refused("255.255.255.255/32", "Limited Broadcast (RFC 919)"),
            // IANA IPv4 Address Space Registry
            refused("224.0.0.0/4", "Multicast (RFC 5771)"),
            // IANA IPv6 Special-Purpose Address Registry
            refused("::1/128", "Loopback Address (RFC 4291)"),
            refused("::/128", "Unspecified Address (RFC 4291)"),
            embeds("::ffff:0:0/96", "IPv4-mapped Address (RFC 4291)", Embedding.LAST_32_BITS),
            embeds("64:ff9b::/96", "IPv4-IPv6 Translation, NAT64 well-known prefix (RFC 6052)", Embedding.LAST_32_BITS),
            embeds("64:ff9b:1::/48", "IPv4-IPv6 Translation, NAT64 local-use prefix (RFC 8215)", Embedding.NAT64_LOCAL),
            refused("100::/64", "Discard-Only Address Block (RFC 6666)"),
            refused("100:0:0:1::/64", "Dummy IPv6 Prefix (RFC 9780)"),
            refused("2001::/23", "IETF Protocol Assignments (RFC 2928)"),
            embeds("2001::/32", "TEREDO (RFC 4380)", Embedding.TEREDO),
            reachable("2001:1::1/128", "Port Control Protocol Anycast (RFC 7723)"),
            reachable("2001:1::2/128", "Traversal Using Relays around NAT Anycast (RFC 8155)"),
            reachable("2001:1::3/128", "DNS-SD Service Registration Protocol Anycast (RFC 9665)"),
            refused("2001:2::/48", "Benchmarking (RFC 5180)"),
            reachable("2001:3::/32", "AMT (RFC 7450)"),
            reachable("2001:4:112::/48", "AS112-v6 (RFC 7535)"),
            refused("2001:10::/28", "Deprecated, previously ORCHID (RFC 4843)"),
            reachable("2001:20::/28", "ORCHIDv2 (RFC 7343)"),
            reachable("2001:30::/28", "Drone Remote ID Protocol Entity Tags (RFC 9374)"),
            refused("2001:db8::/32", "Documentation (RFC 3849)"),
            embeds("2002::/16", "6to4 (RFC 3056)", Embedding.SIX_TO_FOUR),
            reachable("2620:4f:8000::/48", "Direct Delegation AS112 Service (RFC 7534)"),
            refused("3fff::/20", "Documentation (RFC 9637)"),
            refused("5f00::/16", "Segment Routing (SRv6) SIDs (RFC 9602)"),
            refused("fc00::/7", "Unique-Local (RFC 4193)"),
            refused("fe80::/10", "Link-Local Unicast (RFC 4291)"),
            // IANA IPv6 Address Space Registry
            embeds("::/96", "IPv4-compatible IPv6 address, deprecated (RFC 4291)", Embedding.LAST_32_BITS),
            embeds("::ffff:0:0:0/96", "IPv4-translated address (RFC 2765)", Embedding.LAST_32_BITS),
            refused("::/8", "Reserved by IETF (RFC 4291)"),
            refused("::/0", "outside 2000::/3, the only IPv6 Global Unicast space (RFC 4291)"),
            unlisted("2000::/3", "Global Unicast (RFC 4291)"),
            refused("fec0::/10", "Site-Local, deprecated (RFC 3879)"),
            refused("ff00::/8", "Multicast (RFC 4291)")));

    private SpecialPurposeAddresses() {}

    /** The most specific entry {@code a} lies in; empty for an ordinary IPv4 address. */
    static Optional<Entry> find(InetAddress a) {
        return TABLE.stream().filter(e -> e.block().contains(a)).findFirst();
    }

    /** Every entry, most specific first. */
    static List<Entry> table() {
        return TABLE;
    }

    private static List<Entry> sortedMostSpecificFirst(List<Entry> entries) {
        return entries.stream().sorted(Comparator.comparingInt((Entry e) -> e.block().prefixLength()).reversed()).toList();
    }

    private static Entry refused(String cidr, String name) {
        return new Entry(Network.parse(cidr), name, Kind.REFUSED, Embedding.NONE);
    }

    private static Entry reachable(String cidr, String name) {
        return new Entry(Network.parse(cidr), name, Kind.REACHABLE, Embedding.NONE);
    }

    /** A block listed so that the catch-all {@code ::/0} does not cover it: ordinary addresses. */
    private static Entry unlisted(String cidr, String name) {
        return new Entry(Network.parse(cidr), name, Kind.REACHABLE, Embedding.NONE);
    }

    private static Entry embeds(String cidr, String name, Embedding where) {
        return new Entry(Network.parse(cidr), name, Kind.EMBEDS_IPV4, where);
    }
}
