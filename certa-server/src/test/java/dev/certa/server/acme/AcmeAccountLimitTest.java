package dev.certa.server.acme;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.ECKey;
import dev.certa.server.testing.MovableClock;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The flood of new accounts (100-200 a second, each stored forever): {@code acme.rate-limit.accounts-per-ip}
 * and {@code acme.rate-limit.new-accounts} refuse new accounts over the limit with {@code rateLimited} and when
 * to try again, while the holder of an existing key still gets its account. Each test runs its own CA, with the
 * settings its name asks for.
 */
class AcmeAccountLimitTest extends AcmeCaTest {
    private static final String RATE_LIMITED = "urn:ietf:params:acme:error:rateLimited";
    private final MovableClock clock = new MovableClock(Instant.now());
    private final String test;

    AcmeAccountLimitTest(TestInfo info) {
        this.test = info.getTestMethod().orElseThrow().getName();
    }

    @Override
    Map<String, String> settings() {
        if (test.contains("Off")) {
            return Map.of();
        }
        if (test.contains("AllClients")) {
            return Map.of("acme.rate-limit.new-accounts", "2/1h");
        }
        return Map.of("acme.rate-limit.accounts-per-ip", "3/1h");
    }

    @Override
    Clock clock() {
        return clock;
    }

    @Test
    void theFourthNewAccountFromOneAddressIsRateLimitedUntilTheOldestLeavesTheWindow() throws Exception {
        List<ECKey> keys = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            keys.add(RawAcme.newKey());
            HttpResponse<String> made = newAccount(keys.getLast(), false);
            assertThat(made.statusCode()).isEqualTo(201);
            urls.add(made.headers().firstValue("Location").orElseThrow());
        }
        clock.advance(Duration.ofMinutes(10));

        HttpResponse<String> fourth = newAccount(RawAcme.newKey(), false);

        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(RawAcme.problemType(fourth)).isEqualTo(RATE_LIMITED);
        assertThat(RawAcme.json(fourth).get("detail").asText()).contains("acme.rate-limit.accounts-per-ip = 3/");
        // the oldest account leaves the one-hour window 50 minutes from now
        assertThat(Long.parseLong(fourth.headers().firstValue("Retry-After").orElseThrow())).isBetween(2940L, 3000L);

        HttpResponse<String> existing = newAccount(keys.getFirst(), false);
        assertThat(existing.statusCode()).as("an existing key's newAccount is not counted").isEqualTo(200);
        assertThat(existing.headers().firstValue("Location")).contains(urls.getFirst());
        assertThat(newAccount(keys.get(1), true).statusCode()).as("onlyReturnExisting").isEqualTo(200);
        assertThat(RawAcme.problemType(newAccount(RawAcme.newKey(), true))).as("onlyReturnExisting, unknown key")
                .isEqualTo("urn:ietf:params:acme:error:accountDoesNotExist");

        clock.advance(Duration.ofMinutes(51));
        assertThat(newAccount(RawAcme.newKey(), false).statusCode()).isEqualTo(201);
    }

    @Test
    void theThirdNewAccountOfAllClientsIsRateLimited() throws Exception {
        assertThat(newAccount(RawAcme.newKey(), false).statusCode()).isEqualTo(201);
        assertThat(newAccount(RawAcme.newKey(), false).statusCode()).isEqualTo(201);

        HttpResponse<String> third = newAccount(RawAcme.newKey(), false);

        assertThat(RawAcme.problemType(third)).isEqualTo(RATE_LIMITED);
        assertThat(RawAcme.json(third).get("detail").asText()).contains("acme.rate-limit.new-accounts = 2/");
        assertThat(third.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void withTheLimitsOffTwentyNewAccountsFromOneAddressAreAllCreated() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(newAccount(RawAcme.newKey(), false).statusCode()).as("account %d", i + 1).isEqualTo(201);
        }
    }

    private HttpResponse<String> newAccount(ECKey key, boolean onlyReturnExisting) throws Exception {
        String url = raw.url("newAccount");
        return raw.post(url, RawAcme.jws(key, Optional.empty(), url, raw.nonce(),
                onlyReturnExisting ? "{\"onlyReturnExisting\":true}" : "{\"termsOfServiceAgreed\":true}"));
    }
}
