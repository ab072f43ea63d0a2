package dev.certa.server.acme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.shredzone.acme4j.Account;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Certificate;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.OrderBuilder;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Dns01Challenge;

/**
 * acme4j against an {@link AcmeFixture}: sessions trusting the test CA, accounts, and whole issuances
 * (order → dns-01 answered by the fixture's DNS server → finalize → download), plus the admin API.
 */
final class Acme4jClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AcmeFixture fx;

    Acme4jClient(AcmeFixture fx) {
        this.fx = fx;
    }

    Session session() throws Exception {
        return new Session(URI.create(fx.directory()), new Acme4jEndToEndTest.TrustingProvider(fx.trustingSsl()));
    }

    Account account() throws Exception {
        return new AccountBuilder().agreeToTermsOfService().useKeyPair(Acme4jEndToEndTest.p256()).create(session());
    }

    /** A certificate for {@code names}, ordered as {@code order} says (profile, replaces, ...) and proven by dns-01. */
    Certificate issue(Account account, UnaryOperator<OrderBuilder> order, String... names) throws Exception {
        Order o = order.apply(account.newOrder().domains(names)).create();
        ready(o);
        o.execute(Acme4jEndToEndTest.p256());
        if (o.waitForCompletion(Duration.ofSeconds(30)) != Status.VALID) {
            throw new IllegalStateException("the order did not get valid: " + o.getJSON());
        }
        Certificate c = o.getCertificate();
        c.download();
        return c;
    }

    /** Answers the order's dns-01 challenges and waits until it is ready. */
    void ready(Order o) throws Exception {
        for (Authorization auth : o.getAuthorizations()) {
            if (auth.getStatus() == Status.VALID) {
                continue;
            }
            Dns01Challenge c = auth.findChallenge(Dns01Challenge.class).orElseThrow();
            fx.dns.txt(c.getRRName(auth.getIdentifier()), c.getDigest());
            c.trigger();
        }
        if (o.waitUntilReady(Duration.ofSeconds(30)) != Status.READY) {
            throw new IllegalStateException("the order did not get ready: " + o.getJSON());
        }
    }

    Certificate issue(Account account, String... names) throws Exception {
        return issue(account, b -> b, names);
    }

    /** POSTs JSON to the admin API with the admin token. */
    HttpResponse<String> admin(String path, String json) throws Exception {
        return fx.ca.postJson(fx.ca.client, path, json, Map.of("Authorization", "Bearer " + fx.ca.adminToken()));
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }
}
