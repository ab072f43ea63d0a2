package dev.certa.server.acme;

import static dev.certa.server.acme.Acme4jEndToEndTest.p256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certa.server.testing.MovableClock;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shredzone.acme4j.Account;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Problem;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Challenge;
import org.shredzone.acme4j.challenge.Dns01Challenge;
import org.shredzone.acme4j.challenge.Http01Challenge;
import org.shredzone.acme4j.exception.AcmeServerException;

/**
 * CAA (RFC 8659, RFC 8657) as an ACME client meets it: the domain's records, served by the test's DNS
 * server, decide whether certa issues, for which account and after which validation method; a lookup
 * that fails refuses; and a check older than {@code acme.caa-recheck-after} is done again at finalize.
 * Refusals are {@code urn:ietf:params:acme:error:caa} with a detail naming the domain and the record.
 */
class AcmeCaaTest {
    private static final String CAA = "urn:ietf:params:acme:error:caa";
    @TempDir
    Path data;
    private AcmeFixture fx;

    @AfterEach
    void stop() throws Exception {
        if (fx != null) {
            fx.close();
        }
    }

    private Account account() throws Exception {
        Session session = new Session(URI.create(fx.directory()), new Acme4jEndToEndTest.TrustingProvider(fx.trustingSsl()));
        return new AccountBuilder().agreeToTermsOfService().useKeyPair(p256()).create(session);
    }

    /** Orders {@code name}, answers its challenge of {@code type} rightly, and returns the challenge once settled. */
    private Challenge prove(Order order, Class<? extends Challenge> type) throws Exception {
        Authorization auth = order.getAuthorizations().getFirst();
        Challenge c = auth.findChallenge(type).orElseThrow();
        if (c instanceof Http01Challenge h) {
            fx.pointAtResponder(auth.getIdentifier().getDomain());
            fx.web.answer(h.getToken(), h.getAuthorization());
        } else if (c instanceof Dns01Challenge d) {
            fx.dns.txt(d.getRRName(auth.getIdentifier()), d.getDigest());
        }
        c.trigger();
        c.waitForCompletion(Duration.ofSeconds(30));
        return c;
    }

    private static Problem problem(Challenge c) {
        assertThat(c.getStatus()).isEqualTo(Status.INVALID);
        return c.getError().orElseThrow();
    }

    private X509Certificate issue(Order order) throws Exception {
        assertThat(order.waitUntilReady(Duration.ofSeconds(30))).isEqualTo(Status.READY);
        order.execute(p256());
        assertThat(order.waitForCompletion(Duration.ofSeconds(30))).isEqualTo(Status.VALID);
        return order.getCertificate().getCertificate();
    }

    private void assertNothingIssuedFor(String name) throws Exception {
        var r = fx.ca.get("/certs?name=" + name, Map.of("Authorization", "Bearer " + fx.ca.adminToken()));
        assertThat(RawAcme.json(r).get("certificates")).as(r.body()).isEmpty();
    }

    private static TestDnsServer.Caa issue(String value) {
        return new TestDnsServer.Caa(0, "issue", value);
    }

    @Test
    void caaAtAParentDomainNamingCertaLetsItIssue() throws Exception {
        fx = new AcmeFixture(data);
        fx.dns.caa("caa.test", issue("other-ca.example"), issue(AcmeFixture.CAA_IDENTITY));
        Order order = account().newOrder().domain("web.shop.caa.test").create();

        assertThat(prove(order, Http01Challenge.class).getStatus()).isEqualTo(Status.VALID);
        X509Certificate leaf = issue(order);

        assertThat(leaf.getSubjectAlternativeNames().stream().map(l -> String.valueOf(l.get(1))).toList()).containsExactly("web.shop.caa.test");
    }

    @Test
    void aWildcardFollowsIssuewildAndANameFollowsIssue() throws Exception {
        fx = new AcmeFixture(data);
        fx.dns.caa("wild.test", issue("other-ca.example"), new TestDnsServer.Caa(0, "issuewild", AcmeFixture.CAA_IDENTITY));
        Account account = account();

        Order wildcard = account.newOrder().domain("*.wild.test").create();
        assertThat(prove(wildcard, Dns01Challenge.class).getStatus()).isEqualTo(Status.VALID);
        assertThat(issue(wildcard).getSubjectAlternativeNames().stream().map(l -> String.valueOf(l.get(1))).toList())
                .containsExactly("*.wild.test");

        Order name = account.newOrder().domain("www.wild.test").create();
        Problem p = problem(prove(name, Http01Challenge.class));
        assertThat(p.getType()).hasToString(CAA);
        assertThat(p.getDetail().orElseThrow()).contains("wild.test", "0 issue \"other-ca.example\"", "names another CA");
        assertNothingIssuedFor("www.wild.test");
    }

    @Test
    void accounturiLetsOnlyThatAccountObtainCertificates() throws Exception {
        fx = new AcmeFixture(data);
        Account alice = account();
        Account mallory = account();
        fx.dns.caa("bound.test", issue(AcmeFixture.CAA_IDENTITY + "; accounturi=" + alice.getLocation()));

        Problem p = problem(prove(mallory.newOrder().domain("bound.test").create(), Http01Challenge.class));
        assertThat(p.getType()).hasToString(CAA);
        assertThat(p.getDetail().orElseThrow()).contains("lets only the account " + alice.getLocation(), "not " + mallory.getLocation());
        assertNothingIssuedFor("bound.test");

        Order ok = alice.newOrder().domain("bound.test").create();
        assertThat(prove(ok, Http01Challenge.class).getStatus()).isEqualTo(Status.VALID);
        issue(ok);
    }

    @Test
    void validationmethodsLetsOnlyTheMethodsItLists() throws Exception {
        fx = new AcmeFixture(data);
        fx.dns.caa("methods.test", issue(AcmeFixture.CAA_IDENTITY + "; validationmethods=dns-01"));
        Account account = account();

        Problem p = problem(prove(account.newOrder().domain("methods.test").create(), Http01Challenge.class));
        assertThat(p.getType()).hasToString(CAA);
        assertThat(p.getDetail().orElseThrow()).contains("methods.test", "allows only validation by dns-01, not http-01");
        assertNothingIssuedFor("methods.test");

        Order byDns = account.newOrder().domain("methods.test").create();
        assertThat(prove(byDns, Dns01Challenge.class).getStatus()).isEqualTo(Status.VALID);
        issue(byDns);
    }

    @Test
    void aCaaLookupThatFailsRefusesIssuance() throws Exception {
        fx = new AcmeFixture(data);
        fx.dns.servfail("broken.test");

        Problem p = problem(prove(account().newOrder().domain("www.broken.test").create(), Http01Challenge.class));

        assertThat(p.getType()).hasToString("urn:ietf:params:acme:error:dns");
        assertThat(p.getDetail().orElseThrow()).contains("CAA records of broken.test could not be read", "SERVFAIL",
                "does not issue for www.broken.test");
        assertNothingIssuedFor("www.broken.test");
    }

    @Test
    void caaIsCheckedAgainBeforeIssuingWhenTheValidationIsOlderThanEightHours() throws Exception {
        MovableClock clock = new MovableClock(Instant.now());
        fx = new AcmeFixture(data, clock);
        fx.dns.caa("late.test", issue(AcmeFixture.CAA_IDENTITY));
        Account account = account();
        Order within = account.newOrder().domain("within.late.test").create();
        Order late = account.newOrder().domain("late.test").create();
        assertThat(prove(within, Http01Challenge.class).getStatus()).isEqualTo(Status.VALID);
        assertThat(prove(late, Http01Challenge.class).getStatus()).isEqualTo(Status.VALID);

        fx.dns.caa("late.test", issue("other-ca.example"));
        clock.advance(Duration.ofHours(7));
        issue(within); // a check 7 hours old still stands

        clock.advance(Duration.ofHours(2));
        assertThat(late.waitUntilReady(Duration.ofSeconds(30))).isEqualTo(Status.READY);
        assertThatThrownBy(() -> late.execute(p256())).isInstanceOfSatisfying(AcmeServerException.class, e -> {
            assertThat(e.getType()).hasToString(CAA);
            assertThat(e.getMessage()).contains("checked again", "over 8 h ago", "late.test", "0 issue \"other-ca.example\"");
        });
        late.fetch();
        assertThat(late.getStatus()).isEqualTo(Status.INVALID);
        assertNothingIssuedFor("late.test");
    }
}
