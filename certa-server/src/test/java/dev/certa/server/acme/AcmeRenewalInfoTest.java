package dev.certa.server.acme;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shredzone.acme4j.Account;
import org.shredzone.acme4j.Certificate;
import org.shredzone.acme4j.RenewalInfo;
import org.shredzone.acme4j.RevocationReason;

/**
 * Renewal information (ARI, RFC 9773) read by acme4j: the suggested window of a fresh certificate, and
 * the "renew now" window of one an admin pulled forward or that was revoked.
 */
class AcmeRenewalInfoTest extends AcmeCaTest {
    private static final String ERR = "urn:ietf:params:acme:error:";

    @Test
    void aFreshCertificatesWindowOpensAtTwoThirdsOfItsLifetime() throws Exception {
        Certificate cert = client.issue(client.account(), "ari.example.test");
        X509Certificate leaf = cert.getCertificate();
        Instant notBefore = leaf.getNotBefore().toInstant();
        Duration lifetime = Duration.between(notBefore, leaf.getNotAfter().toInstant());

        assertThat(cert.hasRenewalInfo()).isTrue();
        RenewalInfo info = cert.getRenewalInfo();
        Instant retryAfter = info.fetch().orElseThrow();

        assertThat(info.getSuggestedWindowStart()).isCloseTo(notBefore.plus(lifetime.multipliedBy(2).dividedBy(3)), within(2));
        assertThat(info.getSuggestedWindowEnd()).isCloseTo(notBefore.plus(lifetime.multipliedBy(5).dividedBy(6)), within(2));
        assertThat(info.getSuggestedWindowEnd()).isBefore(leaf.getNotAfter().toInstant());
        assertThat(info.renewalIsNotRequired(Instant.now())).isTrue();
        assertThat(retryAfter).isBetween(Instant.now().plus(Duration.ofHours(5)), Instant.now().plus(Duration.ofHours(7)));
    }

    @Test
    void anAdminPullsTheWindowForwardAndClientsAreToldToRenewNow() throws Exception {
        Certificate cert = client.issue(client.account(), "early.example.test");
        Certificate other = client.issue(client.account(), "other.example.test");
        String serial = cert.getCertificate().getSerialNumber().toString(16);

        HttpResponse<String> refused = fx.ca.postJson("/renew-early", "{\"serials\":[\"" + serial + "\"]}");
        assertThat(refused.statusCode()).isEqualTo(401);
        HttpResponse<String> unknown = client.admin("/renew-early", "{\"serials\":[\"" + serial + "\",\"abcdef\"]}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("abcdef", "nothing was changed");
        assertThat(fetched(cert).renewalIsNotRequired(Instant.now())).isTrue();

        HttpResponse<String> r = client.admin("/renew-early", "{\"serials\":[\"" + serial + "\"],"
                + "\"explanation\":\"https://ca.example.test/incidents/42\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);

        RenewalInfo info = fetched(cert);
        Instant now = Instant.now();
        assertThat(info.getSuggestedWindowEnd()).isBeforeOrEqualTo(now);
        assertThat(info.renewalIsOverdue(now)).isTrue();
        assertThat(info.getExplanation()).hasValueSatisfying(u -> assertThat(u.toString()).isEqualTo("https://ca.example.test/incidents/42"));
        assertThat(fetched(other).renewalIsNotRequired(now)).isTrue();
    }

    @Test
    void aRevokedCertificateIsToBeRenewedNow() throws Exception {
        Certificate cert = client.issue(client.account(), "revoked.example.test");
        cert.revoke(RevocationReason.KEY_COMPROMISE);

        assertThat(fetched(cert).renewalIsOverdue(Instant.now())).isTrue();
    }

    @Test
    void anUnknownOrMalformedCertificateIdIsAProblem() throws Exception {
        String base = new RawAcme(fx.ca).url("renewalInfo");

        HttpResponse<String> unknown = fx.ca.get(java.net.URI.create(base).getPath() + "/aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE", Map.of());
        HttpResponse<String> malformed = fx.ca.get(java.net.URI.create(base).getPath() + "/not-an-id", Map.of());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(RawAcme.problemType(unknown)).isEqualTo(ERR + "malformed");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(RawAcme.problemType(malformed)).isEqualTo(ERR + "malformed");
    }

    private RenewalInfo fetched(Certificate cert) throws Exception {
        RenewalInfo info = cert.getRenewalInfo();
        info.fetch();
        return info;
    }

    private static org.assertj.core.data.TemporalUnitOffset within(long seconds) {
        return new org.assertj.core.data.TemporalUnitWithinOffset(seconds, java.time.temporal.ChronoUnit.SECONDS);
    }
}
