package dev.certa.server.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certa.server.testing.MovableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shredzone.acme4j.Account;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.exception.AcmeRateLimitedException;
import org.shredzone.acme4j.exception.AcmeServerException;

/**
 * The ACME registration authority's policy: names it will not issue for (an admin's deny list, public
 * suffixes) and rate limits per account and per registered domain, which say when to try again.
 */
class AcmePolicyTest extends AcmeCaTest {
    private static final String ERR = "urn:ietf:params:acme:error:";
    private final MovableClock clock = new MovableClock(Instant.now());

    @Override
    Map<String, String> settings() {
        return Map.of("acme.denied-names", "bank.example.test, *.secret.test",
                "acme.rate-limit.orders-per-account", "3/1h", "acme.rate-limit.orders-per-domain", "4/1h");
    }

    @Override
    Clock clock() {
        return clock;
    }

    @Test
    void aDeniedDomainAndEveryNameBelowItAreRefused() throws Exception {
        RawAcme.Account a = raw.newAccount();

        for (String name : new String[] {"bank.example.test", "www.bank.example.test", "*.bank.example.test", "secret.test", "a.secret.test"}) {
            HttpResponse<String> r = raw.newOrder(a, name);
            assertThat(RawAcme.problemType(r)).as(name).isEqualTo(ERR + "rejectedIdentifier");
            assertThat(RawAcme.json(r).get("detail").asText()).as(name).contains("acme.denied-names");
        }
        assertThat(raw.newOrder(a, "notbank.example.test").statusCode()).isEqualTo(201);
    }

    @Test
    void publicSuffixesAreRefused() throws Exception {
        RawAcme.Account a = raw.newAccount();

        for (String name : new String[] {"com", "co.uk", "*.co.uk", "github.io"}) {
            HttpResponse<String> r = raw.newOrder(a, name);
            assertThat(RawAcme.problemType(r)).as(name).isEqualTo(ERR + "rejectedIdentifier");
            assertThat(RawAcme.json(r).get("detail").asText()).as(name).contains("public suffix");
        }
        assertThat(raw.newOrder(a, "example.co.uk").statusCode()).isEqualTo(201);
    }

    @Test
    void anAccountMakingTooManyOrdersIsToldWhenToTryAgain() throws Exception {
        Account account = client.account();
        for (String name : new String[] {"one.test", "two.test", "three.test"}) {
            assertThat(account.newOrder().domains(name).create().getStatus()).isEqualTo(Status.PENDING);
        }
        clock.advance(Duration.ofMinutes(10));

        assertThatThrownBy(() -> account.newOrder().domains("four.test").create())
                .isInstanceOfSatisfying(AcmeRateLimitedException.class, e -> {
                    assertThat(e.getType().toString()).isEqualTo(ERR + "rateLimited");
                    assertThat(e.getMessage()).contains("this account", "acme.rate-limit.orders-per-account");
                    // the oldest order leaves the one-hour window 50 minutes from now
                    assertThat(e.getRetryAfter()).hasValueSatisfying(t -> assertThat(t).isBetween(
                            Instant.now().plus(Duration.ofMinutes(49)), Instant.now().plus(Duration.ofMinutes(51))));
                });
        assertThat(client.account().newOrder().domains("four.test").create().getStatus()).isEqualTo(Status.PENDING);

        clock.advance(Duration.ofMinutes(51));
        assertThat(account.newOrder().domains("four.test").create().getStatus()).isEqualTo(Status.PENDING);
    }

    @Test
    void aRegisteredDomainNamedByTooManyOrdersIsLimitedWhateverTheAccount() throws Exception {
        Account first = client.account();
        Account second = client.account();
        first.newOrder().domains("a.shared.test").create();
        first.newOrder().domains("b.shared.test", "c.shared.test").create();
        second.newOrder().domains("shared.test").create();
        second.newOrder().domains("www.shared.test").create();

        assertThatThrownBy(() -> second.newOrder().domains("other.test", "d.shared.test").create())
                .isInstanceOfSatisfying(AcmeRateLimitedException.class, e -> {
                    assertThat(e.getMessage()).contains("the registered domain shared.test", "acme.rate-limit.orders-per-domain");
                    assertThat(e.getRetryAfter()).isPresent();
                });
        assertThat(second.newOrder().domains("other.test").create().getStatus()).isEqualTo(Status.PENDING);
    }

    @Test
    void aRefusedOrderIsNotCounted() throws Exception {
        Account account = client.account();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> account.newOrder().domains("bank.example.test").create()).isInstanceOf(AcmeServerException.class);
        }
        assertThat(account.newOrder().domains("fine.test").create().getStatus()).isEqualTo(Status.PENDING);
    }
}
