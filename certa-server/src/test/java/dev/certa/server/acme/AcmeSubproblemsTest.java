package dev.certa.server.acme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** newOrder naming several identifiers this CA refuses: one problem, with a subproblem per identifier (RFC 8555 section 6.7.1). */
class AcmeSubproblemsTest {
    private static final String ERR = "urn:ietf:params:acme:error:";
    @TempDir
    Path data;
    private AcmeFixture fx;
    private RawAcme acme;

    @BeforeEach
    void start() throws Exception {
        fx = new AcmeFixture(data, Map.of("acme.denied-names", "blocked.test"));
        acme = new RawAcme(fx.ca);
    }

    @AfterEach
    void stop() throws Exception {
        fx.close();
    }

    @Test
    void severalRejectedIdentifiersEachGetASubproblem() throws Exception {
        RawAcme.Account a = acme.newAccount();
        HttpResponse<String> r = order(a, "{\"type\":\"dns\",\"value\":\"fine.example.test\"},{\"type\":\"dns\",\"value\":\"bad..name\"},"
                + "{\"type\":\"dns\",\"value\":\"www.blocked.test\"},{\"type\":\"dns\",\"value\":\"co.uk\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode p = RawAcme.json(r);
        assertThat(p.get("type").asText()).isEqualTo(ERR + "rejectedIdentifier");
        assertThat(p.get("detail").asText()).contains("3 of the order's 4 identifiers");
        Map<String, JsonNode> byValue = bySubproblemValue(p);
        assertThat(byValue).containsOnlyKeys("bad..name", "www.blocked.test", "co.uk");
        byValue.values().forEach(s -> {
            assertThat(s.get("type").asText()).isEqualTo(ERR + "rejectedIdentifier");
            assertThat(s.get("identifier").get("type").asText()).isEqualTo("dns");
        });
        assertThat(byValue.get("bad..name").get("detail").asText()).contains("not a DNS name");
        assertThat(byValue.get("www.blocked.test").get("detail").asText()).contains("acme.denied-names");
        assertThat(byValue.get("co.uk").get("detail").asText()).contains("public suffix");
    }

    @Test
    void differentKindsOfProblemsAreMalformedWithEachSubproblemTyped() throws Exception {
        RawAcme.Account a = acme.newAccount();
        HttpResponse<String> r = order(a, "{\"type\":\"email\",\"value\":\"me@example.test\"},{\"type\":\"ip\",\"value\":\"not-an-ip\"}");

        JsonNode p = RawAcme.json(r);
        assertThat(p.get("type").asText()).isEqualTo(ERR + "malformed");
        Map<String, JsonNode> byValue = bySubproblemValue(p);
        assertThat(byValue.get("me@example.test").get("type").asText()).isEqualTo(ERR + "unsupportedIdentifier");
        assertThat(byValue.get("me@example.test").get("identifier").get("type").asText()).isEqualTo("email");
        assertThat(byValue.get("not-an-ip").get("type").asText()).isEqualTo(ERR + "rejectedIdentifier");
        assertThat(byValue.get("not-an-ip").get("detail").asText()).contains("not an IP address");
    }

    @Test
    void oneRejectedIdentifierIsAPlainProblem() throws Exception {
        RawAcme.Account a = acme.newAccount();
        JsonNode p = RawAcme.json(order(a, "{\"type\":\"dns\",\"value\":\"fine.example.test\"},{\"type\":\"dns\",\"value\":\"co.uk\"}"));

        assertThat(p.get("type").asText()).isEqualTo(ERR + "rejectedIdentifier");
        assertThat(p.has("subproblems")).isFalse();
    }

    private HttpResponse<String> order(RawAcme.Account a, String identifiers) throws Exception {
        return acme.post(a, acme.url("newOrder"), "{\"identifiers\":[" + identifiers + "]}");
    }

    private static Map<String, JsonNode> bySubproblemValue(JsonNode problem) {
        Map<String, JsonNode> out = new HashMap<>();
        problem.get("subproblems").forEach(s -> out.put(s.get("identifier").get("value").asText(), s));
        return out;
    }
}
