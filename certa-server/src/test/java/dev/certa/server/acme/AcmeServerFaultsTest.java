package dev.certa.server.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.certa.server.testing.MovableClock;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shredzone.acme4j.Account;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.exception.AcmeServerException;
import org.slf4j.LoggerFactory;

/**
 * What an operator and a client see when ACME requests fail: refusals are in the server's log (without
 * secrets, and no more than a few lines a second however many arrive); a failure inside the server is an
 * ACME problem with a reference id and a fresh nonce; and a finalization whose store write fails leaves
 * no certificate behind an invalid order. Store failures are injected with a trigger on the database.
 */
class AcmeServerFaultsTest extends AcmeCaTest {
    private static final String ERR = "urn:ietf:params:acme:error:";
    private final MovableClock clock = new MovableClock(Instant.now());
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @Override
    Clock clock() {
        return clock;
    }

    @BeforeEach
    void captureLog() {
        logged.start();
        for (Class<?> c : List.of(RefusalLog.class, AcmeFrontEnd.class)) {
            ((Logger) LoggerFactory.getLogger(c)).addAppender(logged);
        }
    }

    @AfterEach
    void releaseLog() {
        for (Class<?> c : List.of(RefusalLog.class, AcmeFrontEnd.class)) {
            ((Logger) LoggerFactory.getLogger(c)).detachAppender(logged);
        }
    }

    @Test
    void aRefusedRequestIsLoggedWithItsProblemAccountAndIdentifierButNoSecrets() throws Exception {
        RawAcme.Account a = raw.newAccount();
        String nonce = raw.nonce();
        String body = RawAcme.jws(a.key(), Optional.of(a.url()), raw.url("newOrder"), nonce,
                "{\"identifiers\":[{\"type\":\"email\",\"value\":\"ceo@bank.example\"}]}");

        HttpResponse<String> r = raw.post(raw.url("newOrder"), body);

        assertThat(r.statusCode()).isEqualTo(400);
        String accountId = a.url().substring(a.url().lastIndexOf('/') + 1);
        assertThat(lines(Level.INFO)).singleElement().satisfies(line -> {
            assertThat(line).contains(RawAcme.problemType(r), "account " + accountId, "email:ceo@bank.example", "/acme/new-order");
            assertThat(line).doesNotContain(nonce, RawAcme.JSON.readTree(body).get("protected").asText(),
                    RawAcme.JSON.readTree(body).get("signature").asText(), a.key().getX().toString());
        });
    }

    @Test
    void aFloodOfRefusedRequestsLogsAFewLinesAndCountsTheRest() throws Exception {
        RawAcme.Account a = raw.newAccount();
        for (int i = 0; i < 100; i++) {
            HttpResponse<String> r = raw.post(raw.url("newOrder"), RawAcme.jws(a.key(), Optional.of(a.url()), raw.url("newOrder"),
                    "not-a-nonce-" + i, "{}"));
            assertThat(RawAcme.problemType(r)).isEqualTo(ERR + "badNonce");
        }
        assertThat(lines(Level.INFO)).hasSize(RefusalLog.LINES_PER_SECOND);

        clock.advance(Duration.ofSeconds(1));
        raw.post(raw.url("newOrder"), RawAcme.jws(a.key(), Optional.of(a.url()), raw.url("newOrder"), "one-more", "{}"));

        assertThat(lines(Level.WARN)).singleElement().asString()
                .contains((100 - RefusalLog.LINES_PER_SECOND) + " more refused ACME requests were not logged");
        assertThat(lines(Level.INFO)).hasSize(RefusalLog.LINES_PER_SECOND + 1);
    }

    @Test
    void aStoreFailureInsideAnAcmeEndpointIsAServerInternalProblemWithAReferenceAndAFreshNonce() throws Exception {
        inject("CREATE TRIGGER injected BEFORE INSERT ON acme_accounts BEGIN SELECT RAISE(ABORT, 'injected failure'); END");

        HttpResponse<String> r = raw.post(raw.url("newAccount"), RawAcme.jws(RawAcme.newKey(), Optional.empty(), raw.url("newAccount"),
                raw.nonce(), "{\"termsOfServiceAgreed\":true}"));

        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(RawAcme.problemType(r)).isEqualTo(ERR + "serverInternal");
        assertThat(r.headers().firstValue("Replay-Nonce")).as("a nonce to go on with").isPresent();
        String detail = RawAcme.json(r).get("detail").asText();
        assertThat(detail).containsPattern("reference [0-9a-f]{16}").doesNotContain("Exception", "sqlite", "injected");
        String reference = detail.replaceAll(".*reference ([0-9a-f]{16}).*", "$1");
        assertThat(lines(Level.ERROR)).singleElement().asString().contains(reference);

        inject("DROP TRIGGER injected");
        assertThat(raw.newAccount().url()).as("the next request, with that nonce's successor, works").isNotEmpty();
    }

    @Test
    void aFinalizationWhoseStoreWriteFailsLeavesAnInvalidOrderAndNoCertificate() throws Exception {
        Account account = client.account();
        Order order = account.newOrder().domains("fails.example.test").create();
        client.ready(order);
        long certificatesBefore = count("SELECT count(*) FROM certificates");
        inject("CREATE TRIGGER injected BEFORE UPDATE ON acme_orders WHEN NEW.status = 'valid'"
                + " BEGIN SELECT RAISE(ABORT, 'injected failure'); END");

        assertThatThrownBy(() -> order.execute(Acme4jEndToEndTest.p256())).isInstanceOfSatisfying(AcmeServerException.class,
                e -> assertThat(e.getType().toString()).isEqualTo(ERR + "serverInternal"));

        order.fetch();
        assertThat(order.getStatus()).isEqualTo(Status.INVALID);
        assertThat(order.getError()).hasValueSatisfying(p -> assertThat(p.getType().toString()).isEqualTo(ERR + "serverInternal"));
        assertThat(count("SELECT count(*) FROM certificates")).as("no certificate behind the invalid order").isEqualTo(certificatesBefore);
        assertThat(Files.readString(fx.ca.data.resolve("audit.log"))).doesNotContain("fails.example.test");

        inject("DROP TRIGGER injected");
        assertThat(client.issue(account, "fails.example.test").getCertificate()).as("a new order is issued").isNotNull();
    }

    private List<String> lines(Level level) {
        return logged.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** Changes the server's SQLite database behind its back, as a failing disk or a bug would. */
    private void inject(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + fx.ca.data.resolve("certa.db"));
                Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
            s.execute(sql);
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + fx.ca.data.resolve("certa.db"));
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
