package dev.certa.server.acme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shredzone.acme4j.Account;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Status;

/**
 * Authorization reuse: once an account has proven control of a name, its next orders for that name within
 * {@code acme.authorization-reuse} (30 days by default) are ready without a new challenge, as with Let's
 * Encrypt; another account must prove it itself, and with reuse off every order asks again.
 */
class AcmeAuthorizationReuseTest {
    @TempDir
    Path data;

    @Test
    void aSecondOrderOfTheSameAccountIsReadyAtOnceAndAnotherAccountMustProveTheNameItself() throws Exception {
        try (AcmeFixture fx = new AcmeFixture(data)) {
            Acme4jClient client = new Acme4jClient(fx);
            Account account = client.account();
            client.issue(account, "reuse.example.test");
            Instant proven = Instant.now();

            Order again = account.newOrder().domains("reuse.example.test").create();
            assertThat(again.getStatus()).isEqualTo(Status.READY);
            Authorization reused = again.getAuthorizations().get(0);
            assertThat(reused.getStatus()).isEqualTo(Status.VALID);
            assertThat(reused.getExpires()).hasValueSatisfying(e -> assertThat(e)
                    .isBetween(proven.plus(Duration.ofDays(30)).minusSeconds(60), proven.plus(Duration.ofDays(30)).plusSeconds(60)));
            again.execute(Acme4jEndToEndTest.p256());
            assertThat(again.waitForCompletion(Duration.ofSeconds(30))).isEqualTo(Status.VALID);

            // a mixed order: the proven name is reused, the new one must be proven
            Order mixed = account.newOrder().domains("reuse.example.test", "fresh.example.test").create();
            assertThat(mixed.getStatus()).isEqualTo(Status.PENDING);
            assertThat(mixed.getAuthorizations()).extracting(a -> a.getIdentifier().getDomain() + "=" + a.getStatus())
                    .containsExactly("reuse.example.test=VALID", "fresh.example.test=PENDING");

            Account other = client.account();
            Order theirs = other.newOrder().domains("reuse.example.test").create();
            assertThat(theirs.getStatus()).isEqualTo(Status.PENDING);
            assertThat(theirs.getAuthorizations().get(0).getStatus()).isEqualTo(Status.PENDING);
        }
    }

    @Test
    void withReuseOffEveryOrderAsksForTheProofAgain() throws Exception {
        try (AcmeFixture fx = new AcmeFixture(data, Map.of("acme.authorization-reuse", "off"))) {
            Acme4jClient client = new Acme4jClient(fx);
            Account account = client.account();
            client.issue(account, "once.example.test");

            Order again = account.newOrder().domains("once.example.test").create();
            assertThat(again.getStatus()).isEqualTo(Status.PENDING);
            assertThat(again.getAuthorizations().get(0).getStatus()).isEqualTo(Status.PENDING);
        }
    }
}
