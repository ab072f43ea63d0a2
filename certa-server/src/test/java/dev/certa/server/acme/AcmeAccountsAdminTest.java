package dev.certa.server.acme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shredzone.acme4j.Account;
import org.shredzone.acme4j.AccountBuilder;

/** {@code GET /acme-accounts}: an admin lists the ACME accounts, oldest first, a page at a time; nobody else can. */
class AcmeAccountsAdminTest {
    @TempDir
    Path data;

    @Test
    void anAdminListsTheAccountsPageByPageAndNobodyElseCan() throws Exception {
        try (AcmeFixture fx = new AcmeFixture(data)) {
            Acme4jClient client = new Acme4jClient(fx);
            Account first = new AccountBuilder().agreeToTermsOfService().addEmail("ops@example.test")
                    .useKeyPair(Acme4jEndToEndTest.p256()).create(client.session());
            Account second = client.account();
            second.deactivate();
            Map<String, String> admin = Map.of("Authorization", "Bearer " + fx.ca.adminToken());

            HttpResponse<String> page1 = fx.ca.get("/acme-accounts?limit=1", admin);
            assertThat(page1.statusCode()).as(page1.body()).isEqualTo(200);
            JsonNode one = Acme4jClient.json(page1);
            assertThat(one.get("accounts")).hasSize(1);
            JsonNode a = one.get("accounts").get(0);
            assertThat(first.getLocation().toString()).endsWith("/" + a.get("id").asText());
            assertThat(a.get("status").asText()).isEqualTo("valid");
            assertThat(a.get("contacts").get(0).asText()).isEqualTo("mailto:ops@example.test");

            JsonNode two = Acme4jClient.json(fx.ca.get("/acme-accounts?limit=1&after=" + one.get("next").asText(), admin));
            JsonNode b = two.get("accounts").get(0);
            assertThat(second.getLocation().toString()).endsWith("/" + b.get("id").asText());
            assertThat(b.get("status").asText()).isEqualTo("deactivated");
            List<String> all = new ArrayList<>();
            Acme4jClient.json(fx.ca.get("/acme-accounts", admin)).get("accounts").forEach(x -> all.add(x.get("id").asText()));
            assertThat(all).containsExactly(a.get("id").asText(), b.get("id").asText());

            assertThat(fx.ca.get("/acme-accounts", Map.of()).statusCode()).isEqualTo(401);
            assertThat(fx.ca.get("/acme-accounts", Map.of("Authorization", "Bearer wrong")).statusCode()).isIn(401, 403);
            HttpResponse<String> bad = fx.ca.get("/acme-accounts?limit=0", admin);
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("limit");
        }
    }
}
