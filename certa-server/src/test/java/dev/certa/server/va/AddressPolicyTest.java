package dev.certa.server.va;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The validation address policy against the IANA special-purpose registries, one table per way a
 * requester could aim the CA at an address it must not reach: each row an address an attacker would
 * put in DNS (or as an IP identifier), and the registry block the refusal must name.
 */
class AddressPolicyTest {
    private static final AddressPolicy PUBLIC_ONLY = AddressPolicy.publicOnly();

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1       | Loopback
            10.1.2.3        | Private-Use
            172.16.0.1      | Private-Use
            192.168.0.1     | Private-Use
            169.254.169.254 | Link Local
            100.64.0.1      | Shared Address Space
            0.0.0.0         | This host on this network
            0.1.2.3         | This network
            """)
    void internalIpv4NetworksAreRefused(String address, String registryName) {
        assertRefused(address, registryName);
    }

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource(delimiter = '|', textBlock = """
            192.0.0.100     | IETF Protocol Assignments
            192.0.0.1       | IPv4 Service Continuity Prefix
            192.0.0.8       | IPv4 dummy address
            192.0.0.170     | NAT64/DNS64 Discovery
            192.0.2.10      | TEST-NET-1
            198.51.100.7    | TEST-NET-2
            203.0.113.200   | TEST-NET-3
            198.18.0.1      | Benchmarking
            198.19.255.254  | Benchmarking
            192.88.99.1     | 6to4 Relay Anycast
            240.0.0.1       | Reserved
            255.255.255.255 | Limited Broadcast
            224.0.0.251     | Multicast
            """)
    void ipv4SpecialPurposeBlocksAreRefused(String address, String registryName) {
        assertRefused(address, registryName);
    }

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource(delimiter = '|', textBlock = """
            ::1               | Loopback Address
            ::                | Unspecified Address
            fd00::1           | Unique-Local
            fc00::1           | Unique-Local
            fe80::1           | Link-Local Unicast
            fec0::1           | Site-Local
            ff02::1           | Multicast
            100::1            | Discard-Only Address Block
            100:0:0:1::1      | Dummy IPv6 Prefix
            2001:db8::1       | Documentation (RFC 3849)
            3fff::1           | Documentation (RFC 9637)
            2001:2::1         | Benchmarking
            2001:10::1        | previously ORCHID
            2001:5::1         | IETF Protocol Assignments
            2001:1::4         | IETF Protocol Assignments
            5f00::1           | Segment Routing
            4000::1           | outside 2000::/3
            1::1              | Reserved by IETF
            """)
    void ipv6SpecialPurposeBlocksAreRefused(String address, String registryName) {
        assertRefused(address, registryName);
    }

    @ParameterizedTest(name = "{0} carries {1}")
    @CsvSource(delimiter = '|', textBlock = """
            64:ff9b::a9fe:a9fe     | 169.254.169.254
            64:ff9b::169.254.169.254 | 169.254.169.254
            64:ff9b::7f00:1        | 127.0.0.1
            64:ff9b::a00:1         | 10.0.0.1
            64:ff9b:1::a9fe:a9fe   | 169.254.169.254
            64:ff9b:1:a9fe:a9:fe00:: | 169.254.169.254
            64:ff9b:1::7f00:1      | 127.0.0.1
            """)
    void nat64EmbeddedMetadataAddressIsRefused(String address, String carried) {
        assertRefused(address, "NAT64", "carries " + carried);
    }

    @ParameterizedTest(name = "{0} carries {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2002:a9fe:a9fe::1 | 169.254.169.254
            2002:7f00:1::     | 127.0.0.1
            2002:c0a8:101::1  | 192.168.1.1
            """)
    void sixToFourEmbeddedPrivateAddressIsRefused(String address, String carried) {
        assertRefused(address, "6to4", "carries " + carried);
    }

    @ParameterizedTest(name = "{0} carries client {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2001:0:4136:e378:8000:63bf:5601:5601 | 169.254.169.254
            2001:0:4136:e378:8000:63bf:80ff:fffe | 127.0.0.1
            2001:0:a00:1:8000:63bf:f7f7:f7f7     | 10.0.0.1
            """)
    void teredoXoredPrivateClientIsRefused(String address, String carried) {
        assertRefused(address, "TEREDO", "carries " + carried);
    }

    @ParameterizedTest(name = "{0} carries {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ::169.254.169.254      | 169.254.169.254
            ::a9fe:a9fe            | 169.254.169.254
            ::127.0.0.1            | 127.0.0.1
            ::ffff:0:10.0.0.1      | 10.0.0.1
            """)
    void ipv4CompatibleOrTranslatedPrivateAddressIsRefused(String address, String carried) {
        assertRefused(address, "IPv4-", "carries " + carried);
    }

    @ParameterizedTest
    @ValueSource(strings = {"::ffff:169.254.169.254", "::ffff:127.0.0.1", "::ffff:a00:1", "::ffff:c000:201"})
    void ipv4MappedPrivateAddressIsRefused(String address) {
        assertThat(PUBLIC_ONLY.allows(address(address))).as(address).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "192.0.0.9", "192.0.0.10", "192.31.196.1", "192.175.48.6", "100.63.255.255",
        "100.128.0.1", "198.17.255.255", "198.20.0.1", "2606:4700:4700::1111", "2001:4860:4860::8888", "2001:1::1", "2001:3::1",
        "2001:4:112::1", "2001:20::1", "2620:4f:8000::1", "64:ff9b::808:808", "64:ff9b::8.8.8.8", "64:ff9b:1::808:808", "2002:808:808::1",
        "2001:0:4136:e378:8000:63bf:f7f7:f7f7", "::ffff:8.8.8.8", "::8.8.8.8"})
    void publicAddressesAndGloballyReachableSpecialBlocksAreContacted(String address) {
        assertThat(PUBLIC_ONLY.refusal(address(address))).as(address).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.20.3.4", "64:ff9b::a14:304", "2002:a14:304::1"})
    void anAllowedPrivateNetworkIsReachedDirectlyOrThroughAnEmbeddingButNothingElse(String address) {
        var policy = new AddressPolicy(false, List.of(AddressPolicy.Network.parse("10.20.0.0/16")));
        assertThat(policy.allows(address(address))).as(address).isTrue();
        assertThat(policy.allows(address("10.21.0.1"))).isFalse();
        assertThat(policy.allows(address("64:ff9b::a9fe:a9fe"))).isFalse();
        assertThat(policy.allows(address("64:ff9b::a15:1"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1", "169.254.169.254", "64:ff9b::a9fe:a9fe", "2001:db8::1"})
    void allowPrivateAddressesLetsALabReachAnything(String address) {
        assertThat(AddressPolicy.anyAddress().allows(address(address))).as(address).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"fd00:1::5", "fd00:1::ffff"})
    void anAllowedIpv6NetworkIsMatchedByPrefix(String address) {
        var policy = new AddressPolicy(false, List.of(AddressPolicy.Network.parse("fd00:1::/64")));
        assertThat(policy.allows(address(address))).isTrue();
        assertThat(policy.allows(address("fd00:2::5"))).isFalse();
    }

    private static void assertRefused(String address, String... named) {
        assertThat(PUBLIC_ONLY.allows(address(address))).as(address).isFalse();
        assertThat(PUBLIC_ONLY.refusal(address(address))).as(address).hasValueSatisfying(why -> assertThat(why).contains(named));
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
