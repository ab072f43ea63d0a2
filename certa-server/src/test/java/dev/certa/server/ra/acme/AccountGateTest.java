package dev.certa.server.ra.acme;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a client is counted by for the new-account limits: an IPv6 host usually holds a whole /64, so an
 * attacker rotating through its addresses is still one client.
 */
class AccountGateTest {
    @Test
    void anIpv4ClientIsCountedByItsAddress() throws Exception {
        assertThat(AccountGate.counted(Optional.of(InetAddress.getByName("192.0.2.7")))).isEqualTo("192.0.2.7");
    }

    @Test
    void ipv6AddressesOfOneSlash64AreOneClient() throws Exception {
        String one = AccountGate.counted(Optional.of(InetAddress.getByName("2001:db8:1:2::1")));
        String other = AccountGate.counted(Optional.of(InetAddress.getByName("2001:db8:1:2:ffff:abcd:1234:5678")));

        assertThat(one).isEqualTo(other).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(AccountGate.counted(Optional.of(InetAddress.getByName("2001:db8:1:3::1")))).isNotEqualTo(one);
    }

    @Test
    void anIpv4MappedIpv6ClientIsCountedAsItsIpv4Address() throws Exception {
        assertThat(AccountGate.counted(Optional.of(InetAddress.getByName("::ffff:192.0.2.7")))).isEqualTo("192.0.2.7");
    }
}
