package dev.certa.server.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certa.core.issue.Issuer;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.shredzone.acme4j.Account;
import org.shredzone.acme4j.Certificate;
import org.shredzone.acme4j.Metadata;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.exception.AcmeServerException;

/**
 * The ACME profiles extension: the directory lists {@code tlsserver} (90 days, the default) and
 * {@code shortlived} (7 days); an order names one and gets a certificate that lives that long.
 */
class AcmeProfilesTest extends AcmeCaTest {

    @Test
    void theDirectoryListsTheProfiles() throws Exception {
        Metadata meta = client.session().getMetadata();

        assertThat(meta.isProfileAllowed()).isTrue();
        assertThat(meta.getProfiles()).containsExactlyInAnyOrder("tlsserver", "shortlived");
        assertThat(meta.getProfileDescription("shortlived")).contains("TLS server certificate, valid for 7 days");
        assertThat(meta.getProfileDescription("tlsserver")).contains("TLS server certificate, valid for 90 days");
    }

    @Test
    void aShortLivedOrderGetsASevenDayCertificate() throws Exception {
        Account account = client.account();
        Order order = account.newOrder().domains("short.example.test").profile("shortlived").create();
        assertThat(order.getProfile()).isEqualTo("shortlived");

        Certificate cert = client.issue(account, b -> b.profile("shortlived"), "short.example.test");

        assertThat(lifetime(cert.getCertificate())).isEqualTo(Duration.ofDays(7).plus(Issuer.BACKDATE));
    }

    @Test
    void anOrderWithoutAProfileGetsTheDefault() throws Exception {
        Account account = client.account();
        assertThat(account.newOrder().domains("default.example.test").create().getProfile()).isEqualTo("tlsserver");

        Certificate cert = client.issue(account, "default.example.test");

        assertThat(lifetime(cert.getCertificate())).isEqualTo(Duration.ofDays(90).plus(Issuer.BACKDATE));
    }

    @Test
    void anUnknownProfileIsRefused() throws Exception {
        RawAcme raw = new RawAcme(fx.ca);
        RawAcme.Account a = raw.newAccount();

        HttpResponse<String> r = raw.post(a, raw.url("newOrder"),
                "{\"identifiers\":[{\"type\":\"dns\",\"value\":\"x.example.test\"}],\"profile\":\"forever\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(RawAcme.problemType(r)).isEqualTo("urn:ietf:params:acme:error:invalidProfile");
        assertThat(RawAcme.json(r).get("detail").asText()).contains("forever", "tlsserver, shortlived");
    }

    /** notAfter − notBefore (notBefore is backdated a little, see {@link Issuer#BACKDATE}). */
    private static Duration lifetime(X509Certificate c) {
        return Duration.between(c.getNotBefore().toInstant(), c.getNotAfter().toInstant());
    }

    @Test
    void aNotAfterWithinTheProfileIsHonouredAndOneBeyondItOrANotBeforeIsRefused() throws Exception {
        Account account = client.account();
        Instant notAfter = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);

        Certificate cert = client.issue(account, b -> b.notAfter(notAfter), "until.example.test");
        // to the second, never later (validity runs from the moment of signing, which is not on a whole second)
        assertThat(cert.getCertificate().getNotAfter().toInstant()).isBetween(notAfter.minusSeconds(1), notAfter);
        assertThat(account.newOrder().domains("until.example.test").notAfter(notAfter).create().getNotAfter()).contains(notAfter);

        assertThatThrownBy(() -> account.newOrder().domains("x.example.test").profile("shortlived")
                .notAfter(Instant.now().plus(Duration.ofDays(8))).create())
                .isInstanceOfSatisfying(AcmeServerException.class, e -> {
                    assertThat(e.getType().toString()).isEqualTo("urn:ietf:params:acme:error:malformed");
                    assertThat(e.getMessage()).contains("7 days", "shortlived");
                });
        assertThatThrownBy(() -> account.newOrder().domains("x.example.test").notBefore(Instant.now().plus(Duration.ofDays(1))).create())
                .isInstanceOfSatisfying(AcmeServerException.class, e -> {
                    assertThat(e.getType().toString()).isEqualTo("urn:ietf:params:acme:error:malformed");
                    assertThat(e.getMessage()).contains("notBefore");
                });
    }
}
