package dev.certa.server.acme;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With {@code acme.allowed-names}, the CA issues only for the listed domains (and names below them) and IP addresses. */
class AcmeAllowListTest extends AcmeCaTest {
    @Override
    Map<String, String> settings() {
        return Map.of("acme.allowed-names", "corp.test, 192.0.2.7, 2001:db8::7", "acme.denied-names", "hr.corp.test");
    }

    @Test
    void onlyListedNamesAndAddressesAreAccepted() throws Exception {
        RawAcme.Account a = raw.newAccount();

        assertThat(raw.newOrder(a, "corp.test", "www.corp.test", "*.corp.test").statusCode()).isEqualTo(201);
        assertThat(ip(a, "192.0.2.7").statusCode()).isEqualTo(201);
        assertThat(ip(a, "2001:DB8:0:0:0:0:0:7").statusCode()).isEqualTo(201);

        for (HttpResponse<String> r : java.util.List.of(raw.newOrder(a, "evilcorp.test"), raw.newOrder(a, "www.corp.test", "other.test"),
                ip(a, "192.0.2.8"))) {
            assertThat(RawAcme.problemType(r)).isEqualTo("urn:ietf:params:acme:error:rejectedIdentifier");
            assertThat(RawAcme.json(r).get("detail").asText()).contains("acme.allowed-names");
        }
        // the deny list still applies inside the allowed domains
        assertThat(RawAcme.json(raw.newOrder(a, "hr.corp.test")).get("detail").asText()).contains("acme.denied-names");
    }

    private HttpResponse<String> ip(RawAcme.Account a, String address) throws Exception {
        return raw.post(a, raw.url("newOrder"), "{\"identifiers\":[{\"type\":\"ip\",\"value\":\"" + address + "\"}]}");
    }
}
