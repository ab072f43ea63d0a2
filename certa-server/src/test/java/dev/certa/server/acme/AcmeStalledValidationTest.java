package dev.certa.server.acme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.certa.server.testing.Postgres;
import dev.certa.store.AcmeStatus;
import dev.certa.store.CertaStore;
import dev.certa.store.StoreConfig;
import dev.certa.store.Stores;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node that dies while validating leaves its challenge processing; a running node's sweep finds it
 * (processing for longer than a validation can take) and validates it again. Several nodes share a
 * PostgreSQL database; the dead node's writes are made here through a store of its own on it. On
 * SQLite, which one process owns, a validation the server left is taken up when it starts again.
 */
class AcmeStalledValidationTest {
    @TempDir
    Path data;
    private final Postgres pg = new Postgres();

    @AfterEach
    void dropSchema() {
        pg.drop();
    }

    private Map<String, String> settings() {
        Map<String, String> s = new HashMap<>(pg.settings());
        s.put("acme.validation-sweep-interval", "1s");
        return s;
    }

    @Test
    void aChallengeLeftProcessingByADeadNodeIsValidatedByARunningOne() throws Exception {
        try (AcmeFixture fx = new AcmeFixture(data, settings())) {
            RawAcme acme = new RawAcme(fx.ca);
            RawAcme.Account a = acme.newAccount();
            JsonNode order = RawAcme.json(acme.newOrder(a, "orphan.example.test"));
            JsonNode authz = RawAcme.json(acme.post(a, order.get("authorizations").get(0).asText(), ""));
            fx.pointAtResponder("orphan.example.test");
            JsonNode http = null;
            for (JsonNode c : authz.get("challenges")) {
                http = c.get("type").asText().equals("http-01") ? c : http;
            }
            String token = http.get("token").asText();
            fx.web.answer(token, token + "." + a.key().computeThumbprint());
            String url = http.get("url").asText();
            String id = URI.create(url).getPath().substring(URI.create(url).getPath().lastIndexOf('/') + 1);

            // the crash: a node moved the challenge to processing an hour ago, and never validated it
            try (CertaStore store = Stores.open(pg.storeConfig())) {
                assertThat(store.acme().startChallenge(id, Instant.now().minus(Duration.ofHours(1)))).isTrue();
                assertThat(store.acme().challenge(id).orElseThrow().status()).isEqualTo(AcmeStatus.PROCESSING);
            }

            JsonNode done = RawAcme.json(AcmeRetryTest.awaitChallenge(acme, a, url, c -> !c.get("status").asText().equals("processing")));

            assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("valid");
            assertThat(RawAcme.json(acme.post(a, order.get("authorizations").get(0).asText(), "")).get("status").asText())
                    .isEqualTo("valid");
        }
    }

    @Test
    void aChallengeProcessingForLessThanTheBoundIsLeftToItsNode() throws Exception {
        try (AcmeFixture fx = new AcmeFixture(data, settings())) {
            RawAcme acme = new RawAcme(fx.ca);
            RawAcme.Account a = acme.newAccount();
            JsonNode order = RawAcme.json(acme.newOrder(a, "busy.example.test"));
            JsonNode authz = RawAcme.json(acme.post(a, order.get("authorizations").get(0).asText(), ""));
            String url = authz.get("challenges").get(0).get("url").asText();
            String id = URI.create(url).getPath().substring(URI.create(url).getPath().lastIndexOf('/') + 1);
            try (CertaStore store = Stores.open(pg.storeConfig())) {
                assertThat(store.acme().startChallenge(id, Instant.now())).isTrue();
            }

            Thread.sleep(2500);

            assertThat(RawAcme.json(acme.post(a, url, "")).get("status").asText()).isEqualTo("processing");
        }
    }

    @Test
    void onSqliteAValidationLeftByAStoppedServerIsTakenUpWhenItStartsAgain() throws Exception {
        Path sqliteData = data.resolve("sqlite");
        // the same ports after the restart, so that the account's and the challenge's URLs stay the same
        Map<String, String> settings = Map.of("acme.validation-sweep-interval", "1s", "https-port", String.valueOf(freePort()),
                "http-port", String.valueOf(freePort()));
        RawAcme.Account a;
        String url;
        String token;
        String authzUrl;
        try (AcmeFixture first = new AcmeFixture(sqliteData, settings)) {
            RawAcme acme = new RawAcme(first.ca);
            a = acme.newAccount();
            JsonNode order = RawAcme.json(acme.newOrder(a, "restart.example.test"));
            authzUrl = order.get("authorizations").get(0).asText();
            JsonNode http = null;
            for (JsonNode c : RawAcme.json(acme.post(a, authzUrl, "")).get("challenges")) {
                http = c.get("type").asText().equals("http-01") ? c : http;
            }
            url = http.get("url").asText();
            token = http.get("token").asText();
        }
        // the server died after moving the challenge to processing an hour ago (written here while it is down)
        String id = url.substring(url.lastIndexOf('/') + 1);
        try (CertaStore store = Stores.open(new StoreConfig.Sqlite(sqliteData.resolve("certa.db")))) {
            assertThat(store.acme().startChallenge(id, Instant.now().minus(Duration.ofHours(1)))).isTrue();
        }

        try (AcmeFixture again = new AcmeFixture(sqliteData, settings)) {
            again.pointAtResponder("restart.example.test");
            again.web.answer(token, token + "." + a.key().computeThumbprint());
            RawAcme acme = new RawAcme(again.ca);

            JsonNode done = RawAcme.json(AcmeRetryTest.awaitChallenge(acme, a, url, c -> !c.get("status").asText().equals("processing")));

            assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("valid");
            assertThat(RawAcme.json(acme.post(a, authzUrl, "")).get("status").asText()).isEqualTo("valid");
        }
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
