package dev.certa.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certa.core.error.CertaException;
import dev.certa.server.va.AddressPolicy;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validation and CAA settings: their defaults, what --print-config shows, and bad values refused by key. */
class AcmeValidationConfigTest {
    @TempDir
    Path data;

    private ConfigLoader.Loaded load(String conf) throws Exception {
        Files.writeString(data.resolve(ConfigLoader.DEFAULT_FILE), conf);
        return new ConfigLoader(data, Optional.empty(), Map.of()).load();
    }

    @Test
    void defaultsAreThePortsOfTheRfcsPublicAddressesOnlyAndAnEightHourCaaRecheck() throws Exception {
        ConfigLoader.Loaded loaded = load("");
        AcmeConfig acme = loaded.config().acme();

        assertThat(acme.http01Port()).isEqualTo(80);
        assertThat(acme.tlsAlpn01Port()).isEqualTo(443);
        assertThat(acme.addresses()).isEqualTo(AddressPolicy.publicOnly());
        assertThat(acme.caaIdentities()).containsExactly("certa.local");
        assertThat(acme.caaRecheckAfter()).isEqualTo(Duration.ofHours(8));
        assertThat(ConfigLoader.describe(loaded)).contains("validation.tls-alpn-01-port = 443", "validation.allowed-private-networks = ",
                "acme.caa-identities = certa.local", "acme.caa-recheck-after = 8h", "env CERTA_VALIDATION_TLS_ALPN_01_PORT");
    }

    @Test
    void valuesAreRead() throws Exception {
        AcmeConfig acme = load("""
                validation.tls-alpn-01-port = 8443
                validation.allowed-private-networks = 10.20.0.0/16, fd00:1::/64
                acme.caa-identities = ca.example.com, CA.Example.NET
                acme.caa-recheck-after = 2h
                """).config().acme();

        assertThat(acme.tlsAlpn01Port()).isEqualTo(8443);
        assertThat(acme.addresses().allows(InetAddress.getByName("10.20.1.2"))).isTrue();
        assertThat(acme.addresses().allows(InetAddress.getByName("10.21.1.2"))).isFalse();
        assertThat(acme.addresses().allows(InetAddress.getByName("fd00:1::5"))).isTrue();
        assertThat(acme.caaIdentities()).isEqualTo(List.of("ca.example.com", "ca.example.net"));
        assertThat(acme.caaRecheckAfter()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void badValuesAreRefusedNamingTheKey() {
        for (String[] bad : new String[][] {{"validation.tls-alpn-01-port = 0", "validation.tls-alpn-01-port"},
                {"validation.allowed-private-networks = 10.0.0.0/40", "validation.allowed-private-networks"},
                {"validation.allowed-private-networks = intranet", "'intranet' is not an IP address or network"},
                {"acme.caa-identities = ,", "acme.caa-identities is empty"},
                {"acme.caa-identities = not a name", "'not a name' is not a domain name"}}) {
            assertThatThrownBy(() -> load(bad[0] + "\n")).as(bad[0]).isInstanceOf(CertaException.class).hasMessageContaining(bad[1]);
        }
    }
}
