package dev.certa.server.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.shredzone.acme4j.Account;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.exception.AcmeServerException;

/**
 * The account and authorization lifecycle an attacker or a careless client meets: an authorization deactivated
 * (RFC 8555 section 7.5.2) stops serving its account at once, and only its account can deactivate it; a
 * deactivated account's key is refused everywhere, newAccount included (section 7.3.6); and the account's
 * events are in the audit log.
 */
class AcmeAccountLifecycleTest extends AcmeCaTest {
    private static final String ERR = "urn:ietf:params:acme:error:";

    @Test
    void aDeactivatedAuthorizationIsNeverReusedAndItsOrderCannotBeFinalized() throws Exception {
        Account account = client.account();
        Order order = account.newOrder().domains("lost.example.test").create();
        client.ready(order);
        Authorization auth = order.getAuthorizations().get(0);
        assertThat(auth.getStatus()).isEqualTo(Status.VALID);

        auth.deactivate(); // the account lost the name

        assertThat(auth.getStatus()).isEqualTo(Status.DEACTIVATED);
        order.fetch();
        assertThat(order.getStatus()).isEqualTo(Status.INVALID);
        assertThatThrownBy(() -> order.execute(Acme4jEndToEndTest.p256())).isInstanceOf(AcmeServerException.class)
                .satisfies(e -> assertThat(((AcmeServerException) e).getType().toString()).isEqualTo(ERR + "orderNotReady"));
        Order next = account.newOrder().domains("lost.example.test").create();
        assertThat(next.getStatus()).as("within the reuse window, yet asked for a new proof").isEqualTo(Status.PENDING);
        assertThat(next.getAuthorizations().get(0).getStatus()).isEqualTo(Status.PENDING);
        assertThat(next.getAuthorizations().get(0).getLocation()).isNotEqualTo(auth.getLocation());
    }

    @Test
    void anotherAccountCannotDeactivateAnAuthorization() throws Exception {
        RawAcme.Account owner = raw.newAccount();
        RawAcme.Account attacker = raw.newAccount();
        String authz = RawAcme.json(raw.newOrder(owner, "mine.example.test")).get("authorizations").get(0).asText();

        HttpResponse<String> refused = raw.post(attacker, authz, "{\"status\":\"deactivated\"}");

        assertThat(RawAcme.problemType(refused)).isEqualTo(ERR + "unauthorized");
        assertThat(refused.statusCode()).as("as for any object of another account: it does not exist for the attacker").isEqualTo(404);
        assertThat(RawAcme.json(raw.post(owner, authz, "")).get("status").asText()).isEqualTo("pending");

        HttpResponse<String> other = raw.post(owner, authz, "{\"status\":\"valid\"}");
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(RawAcme.problemType(other)).isEqualTo(ERR + "malformed");

        HttpResponse<String> byOwner = raw.post(owner, authz, "{\"status\":\"deactivated\"}");
        assertThat(byOwner.statusCode()).as(byOwner.body()).isEqualTo(200);
        assertThat(RawAcme.json(byOwner).get("status").asText()).isEqualTo("deactivated");
        assertThat(RawAcme.json(raw.post(owner, authz, "")).get("status").asText()).isEqualTo("deactivated");
    }

    @Test
    void aDeactivatedAccountsKeyIsRefusedAtNewAccountAndEverywhereElse() throws Exception {
        RawAcme.Account a = raw.newAccount();
        HttpResponse<String> deactivated = raw.post(a, a.url(), "{\"status\":\"deactivated\"}");
        assertThat(RawAcme.json(deactivated).get("status").asText()).isEqualTo("deactivated");

        for (String payload : List.of("{\"termsOfServiceAgreed\":true}", "{\"onlyReturnExisting\":true}")) {
            HttpResponse<String> again = raw.post(raw.url("newAccount"), RawAcme.jws(a.key(), Optional.empty(), raw.url("newAccount"),
                    raw.nonce(), payload));
            assertThat(again.statusCode()).as(payload + ": " + again.body()).isEqualTo(403);
            assertThat(RawAcme.problemType(again)).isEqualTo(ERR + "unauthorized");
            assertThat(again.headers().firstValue("Location")).as("no account handed to the client").isEmpty();
        }
        HttpResponse<String> order = raw.newOrder(a, "dead.example.test");
        assertThat(order.statusCode()).isEqualTo(403);
        assertThat(RawAcme.problemType(order)).isEqualTo(ERR + "unauthorized");
    }

    @Test
    void newAccountsKeyChangesAndDeactivationsAreAudited() throws Exception {
        Account account = client.account();
        String url = account.getLocation().toString();
        account.changeKey(Acme4jEndToEndTest.p256());
        account.deactivate();

        List<JsonNode> lines = auditLines();
        assertThat(lines).filteredOn(l -> l.get("actor").asText().equals(url)).extracting(l -> l.get("action").asText())
                .containsSubsequence("acme-account-create", "acme-account-key-change", "acme-account-deactivate");
        assertThat(lines).filteredOn(l -> l.get("action").asText().equals("acme-account-key-change"))
                .singleElement().satisfies(l -> assertThat(l.get("detail").asText()).matches("key \\S+ replaced by key \\S+"));
    }

    private List<JsonNode> auditLines() throws Exception {
        return Files.readAllLines(fx.ca.data.resolve("audit.log")).stream().map(l -> {
            try {
                return RawAcme.JSON.readTree(l);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
