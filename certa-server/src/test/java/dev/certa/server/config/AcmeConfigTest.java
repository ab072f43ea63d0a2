package dev.certa.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certa.core.error.CertaException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ACME policy settings as a person writes them: defaults, good values, and bad ones named with the fix. */
class AcmeConfigTest {
    @TempDir
    Path data;

    private AcmePolicyConfig load(String conf) throws Exception {
        Files.writeString(data.resolve(ConfigLoader.DEFAULT_FILE), conf);
        return new ConfigLoader(data, Optional.empty(), Map.of()).load().config().acme().policy();
    }

    @Test
    void theDefaultsOfferTwoProfilesNoBindingNoDenyListAndNoLimits() throws Exception {
        AcmePolicyConfig p = load("");

        assertThat(p.profiles()).containsExactly(new AcmePolicyConfig.Profile("tlsserver", Duration.ofDays(90)),
                new AcmePolicyConfig.Profile("shortlived", Duration.ofDays(7)));
        assertThat(p.eab()).isEqualTo(AcmePolicyConfig.ExternalAccountBinding.OFF);
        assertThat(p.allowedNames()).isEmpty();
        assertThat(p.deniedNames()).isEmpty();
        assertThat(p.ordersPerAccount()).isEmpty();
        assertThat(p.ordersPerDomain()).isEmpty();
        assertThat(p.newAccounts()).isEqualTo(AcmePolicyConfig.AccountLimits.OFF);
    }

    @Test
    void everyAcmePolicySettingIsRead() throws Exception {
        AcmePolicyConfig p = load("acme.profiles = day=1d, week = 7d\nacme.eab = Required\n"
                + "acme.denied-names = Bank.Example, *.corp.internal\nacme.rate-limit.orders-per-account = 300 / 3h\n"
                + "acme.allowed-names = .internal, 10.0.0.1\n"
                + "acme.rate-limit.orders-per-domain = 50/7d\n"
                + "acme.rate-limit.accounts-per-ip = 10/3h\nacme.rate-limit.new-accounts = 1000 / 1h\n");

        assertThat(p.profiles()).extracting(AcmePolicyConfig.Profile::name).containsExactly("day", "week");
        assertThat(p.eab()).isEqualTo(AcmePolicyConfig.ExternalAccountBinding.REQUIRED);
        assertThat(p.deniedNames()).isEqualTo(List.of("bank.example", "corp.internal"));
        assertThat(p.allowedNames()).isEqualTo(List.of("internal", "10.0.0.1"));
        assertThat(p.ordersPerAccount()).contains(new AcmePolicyConfig.RateLimit(300, Duration.ofHours(3)));
        assertThat(p.ordersPerDomain()).contains(new AcmePolicyConfig.RateLimit(50, Duration.ofDays(7)));
        assertThat(p.newAccounts()).isEqualTo(new AcmePolicyConfig.AccountLimits(
                Optional.of(new AcmePolicyConfig.RateLimit(10, Duration.ofHours(3))),
                Optional.of(new AcmePolicyConfig.RateLimit(1000, Duration.ofHours(1)))));
    }

    @Test
    void badValuesNameTheSettingAndTheFix() {
        assertThatThrownBy(() -> load("acme.profiles = tlsserver\n")).isInstanceOf(CertaException.class)
                .hasMessageContaining("acme.profiles").hasMessageContaining("name=validity");
        assertThatThrownBy(() -> load("acme.profiles = a=1d, a=2d\n")).hasMessageContaining("twice");
        assertThatThrownBy(() -> load("acme.profiles = a=forever\n")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> load("acme.eab = sometimes\n")).hasMessageContaining("acme.eab").hasMessageContaining("off, optional or required");
        assertThatThrownBy(() -> load("acme.denied-names = bad_name!\n")).hasMessageContaining("acme.denied-names");
        assertThatThrownBy(() -> load("acme.denied-names = 10.0.0.1\n")).hasMessageContaining("not a domain name");
        assertThatThrownBy(() -> load("acme.allowed-names = a b\n")).hasMessageContaining("acme.allowed-names");
        assertThatThrownBy(() -> load("acme.rate-limit.orders-per-account = 300\n"))
                .hasMessageContaining("acme.rate-limit.orders-per-account").hasMessageContaining("COUNT/WINDOW");
        assertThatThrownBy(() -> load("acme.rate-limit.orders-per-domain = 0/1h\n")).hasMessageContaining("COUNT/WINDOW");
        assertThatThrownBy(() -> load("acme.rate-limit.accounts-per-ip = ten/3h\n"))
                .hasMessageContaining("acme.rate-limit.accounts-per-ip").hasMessageContaining("COUNT/WINDOW");
    }
}
