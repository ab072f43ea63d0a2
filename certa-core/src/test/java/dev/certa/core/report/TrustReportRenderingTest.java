package dev.certa.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certa.core.key.KeyType;
import dev.certa.core.path.Check;
import dev.certa.core.path.Finding;
import dev.certa.core.path.PathLink;
import dev.certa.core.path.ValidationOptions;
import dev.certa.core.path.Verdict;
import dev.certa.core.probe.ClientCertificateRequest;
import dev.certa.core.probe.Handshake;
import dev.certa.core.probe.ProbeTarget;
import dev.certa.core.profile.Profile;
import dev.certa.core.testing.TestPki;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * How a report reads, from a verdict made by hand: each link's status comes from the first finding
 * at its position, anchors name their store, chain-wide findings have no position, and a probe adds
 * the connection, the client-certificate request and the server's refusal. Text and JSON agree.
 */
class TrustReportRenderingTest {
    private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

    private final TestPki pki = new TestPki(KeyType.EC_P256, "Render");
    private final TestPki.Leaf leaf = pki.leaf(new Profile.TlsServer(), "api.render.test");

    private Verdict untrusted() {
        List<PathLink> path = List.of(
                new PathLink(0, leaf.issued().certificate(), "", PathLink.Role.LEAF, Optional.empty(), PathLink.Status.FAILED),
                new PathLink(1, pki.intermediate.certificate(), "CN=Render Intermediate CA,O=certa tests",
                        PathLink.Role.INTERMEDIATE, Optional.empty(), PathLink.Status.OK),
                new PathLink(2, pki.root.certificate(), "CN=Render Root CA,O=certa tests", PathLink.Role.ANCHOR,
                        Optional.of("roots.pem"), PathLink.Status.OK));
        List<Finding> problems = List.of(
                new Finding(Finding.Severity.ERROR, Check.VALIDITY, OptionalInt.of(0), Optional.of(""), "expired 3 days ago",
                        "renew the certificate"),
                new Finding(Finding.Severity.ERROR, Check.PEER_NAME, OptionalInt.of(0), Optional.of(""),
                        "valid for api.render.test, not for www.render.test", "connect with a name it is valid for"));
        List<Finding> warnings = List.of(new Finding(Finding.Severity.WARNING, Check.CHAIN_ORDER, OptionalInt.empty(),
                Optional.empty(), "the chain was sent in the wrong order", "serve fullchain.pem"));
        return new Verdict(false, Optional.empty(), List.of("roots.pem"), path, problems, warnings);
    }

    private TrustReport probed(Verdict v) {
        Handshake h = new Handshake(ProbeTarget.parse("127.0.0.1:8443", Optional.of("www.render.test")), "TLSv1.3",
                "TLS_AES_128_GCM_SHA256", Optional.of("h2"), List.of(leaf.issued().certificate(), pki.intermediate.certificate()),
                Optional.empty(), Optional.of(new ClientCertificateRequest(List.of(), List.of("EC"), false)),
                Optional.of(new Handshake.Refusal(Optional.of("certificate_required"), "the server requires a client certificate",
                        "give one with --cert")));
        return new TrustReport("www.render.test", h.certificates(), ValidationOptions.server(AT, "www.render.test"), v,
                Optional.of(h));
    }

    @Test
    void textDrawsThePathWithTheFirstFindingPerLinkThenProblemsWarningsAndTheConnection() {
        String text = TrustReportText.render(probed(untrusted()));
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).isEqualTo("www.render.test: NOT TRUSTED");
        assertThat(lines.get(1)).startsWith("  [0] CN=api.render.test").contains("leaf")
                .endsWith("expired 3 days ago (+1 more)");
        assertThat(lines.get(2)).startsWith("  [1] CN=Render Intermediate CA,O=certa tests").endsWith("intermediate  ok");
        assertThat(lines.get(3)).startsWith("  [2] CN=Render Root CA,O=certa tests").endsWith("root          trusted (store: roots.pem)");
        assertThat(text).contains("Problems:\n  - [0] CN=api.render.test: expired 3 days ago\n    Fix: renew the certificate\n")
                .contains("Warnings:\n  - the chain was sent in the wrong order\n    Fix: serve fullchain.pem\n")
                .contains("Checked at 2026-11-22 10:00 UTC for TLS server authentication of www.render.test (rules: web-pki);"
                        + " trust stores: roots.pem\n")
                .contains("Connection: 127.0.0.1:8443 (SNI www.render.test), TLSv1.3, TLS_AES_128_GCM_SHA256, ALPN h2,"
                        + " no stapled OCSP response\n")
                .contains("Client certificate: the server asked for one and named no CAs (any it can verify)\n  none was sent\n")
                .contains("Refused by the server: the server requires a client certificate\n  Fix: give one with --cert\n");
    }

    @Test
    void jsonHoldsTheSameData() throws Exception {
        JsonNode json = new ObjectMapper().readTree(TrustReportJson.render(probed(untrusted())));
        assertThat(json.get("trusted").asBoolean()).isFalse();
        assertThat(json.get("rules").asText()).isEqualTo("web-pki");
        assertThat(json.get("path").get(0).get("statusText").asText()).isEqualTo("expired 3 days ago (+1 more)");
        assertThat(json.get("path").get(2).get("store").asText()).isEqualTo("roots.pem");
        assertThat(json.get("problems")).hasSize(2);
        assertThat(json.get("warnings").get(0).get("position").isNull()).isTrue();
        JsonNode c = json.get("connection");
        assertThat(c.get("alpn").asText()).isEqualTo("h2");
        assertThat(c.get("stapledOcsp").isNull()).isTrue();
        assertThat(c.get("clientCertificateRequest").get("keyTypes").get(0).asText()).isEqualTo("EC");
        assertThat(c.get("refusal").get("alert").asText()).isEqualTo("certificate_required");
    }
}
