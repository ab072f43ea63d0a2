package dev.certa.server.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.shredzone.acme4j.Account;
import org.shredzone.acme4j.Certificate;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.exception.AcmeServerException;

/**
 * Renewals that say which certificate they replace (RFC 9773 section 5, acme4j's
 * {@code OrderBuilder.replaces}): recorded on the order, once per certificate, and only by the account
 * that ordered it.
 */
class AcmeReplacesTest extends AcmeCaTest {
    private static final String ERR = "urn:ietf:params:acme:error:";

    @Test
    void aCertificateIsReplacedOnceAndThenNoMore() throws Exception {
        Account account = client.account();
        Certificate old = client.issue(account, "renew.example.test");
        String oldId = old.getRenewalInfoLocation().orElseThrow().getPath().replaceAll(".*/", "");

        Order earlier = account.newOrder().domains("renew.example.test").replaces(old).create();
        assertThat(earlier.getJSON().get("replaces").asString()).isEqualTo(oldId);
        Certificate renewed = client.issue(account, b -> b.replaces(old), "renew.example.test");
        assertThat(renewed.getCertificate().getSerialNumber()).isNotEqualTo(old.getCertificate().getSerialNumber());

        assertThatThrownBy(() -> account.newOrder().domains("renew.example.test").replaces(old).create())
                .isInstanceOfSatisfying(AcmeServerException.class, e -> {
                    assertThat(e.getType().toString()).isEqualTo(ERR + "alreadyReplaced");
                    assertThat(e.getProblem().asJSON().get("status").asInt()).isEqualTo(409);
                });
        // an order made before the renewal, for the same certificate, can no longer be finalized
        client.ready(earlier);
        assertThatThrownBy(() -> earlier.execute(Acme4jEndToEndTest.p256()))
                .isInstanceOfSatisfying(AcmeServerException.class, e -> assertThat(e.getType().toString()).isEqualTo(ERR + "alreadyReplaced"));
        earlier.fetch();
        assertThat(earlier.getStatus()).isEqualTo(Status.INVALID);
        // the renewal itself can be replaced (ready at once: the account proved the name within the reuse period)
        assertThat(account.newOrder().domains("renew.example.test").replaces(renewed).create().getStatus()).isEqualTo(Status.READY);
    }

    @Test
    void anotherAccountsCertificateCannotBeReplaced() throws Exception {
        Certificate theirs = client.issue(client.account(), "theirs.example.test");
        Account mine = client.account();

        assertThatThrownBy(() -> mine.newOrder().domains("theirs.example.test").replaces(theirs).create())
                .isInstanceOfSatisfying(AcmeServerException.class, e -> assertThat(e.getType().toString()).isEqualTo(ERR + "unauthorized"));
    }

    @Test
    void anUnknownCertificateOrOneSharingNoNameIsRefused() throws Exception {
        Account account = client.account();
        Certificate old = client.issue(account, "a.example.test");

        assertThatThrownBy(() -> account.newOrder().domains("b.example.test").replaces(old).create())
                .isInstanceOfSatisfying(AcmeServerException.class, e -> {
                    assertThat(e.getType().toString()).isEqualTo(ERR + "malformed");
                    assertThat(e.getMessage()).contains("shares no name");
                });
        RawAcme raw = new RawAcme(fx.ca);
        HttpResponse<String> unknown = raw.post(raw.newAccount(), raw.url("newOrder"),
                "{\"identifiers\":[{\"type\":\"dns\",\"value\":\"a.example.test\"}],\"replaces\":\"aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE\"}");
        assertThat(RawAcme.problemType(unknown)).isEqualTo(ERR + "malformed");
        assertThat(RawAcme.json(unknown).get("detail").asText()).contains("did not issue");
    }
}
