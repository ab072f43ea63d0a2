package dev.certa.server.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.exception.AcmeServerException;

/** With {@code acme.eab = optional}: accounts need no binding, but one that is sent is checked and binds its key. */
class AcmeEabOptionalTest extends AcmeCaTest {
    @Override
    Map<String, String> settings() {
        return Map.of("acme.eab", "optional");
    }

    @Test
    void aBindingIsNotNeededButCheckedWhenSent() throws Exception {
        assertThat(client.session().getMetadata().isExternalAccountRequired()).isFalse();
        assertThat(client.account().getStatus()).isEqualTo(Status.VALID);

        JsonNode key = Acme4jClient.json(client.admin("/eab-keys", "{}"));
        String kid = key.get("keyId").asText();
        String wrong = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
        assertThatThrownBy(() -> new AccountBuilder().withKeyIdentifier(kid, wrong).useKeyPair(Acme4jEndToEndTest.p256())
                .create(client.session()))
                .isInstanceOfSatisfying(AcmeServerException.class, e -> assertThat(e.getType().toString())
                        .isEqualTo("urn:ietf:params:acme:error:unauthorized"));
        assertThat(new AccountBuilder().withKeyIdentifier(kid, key.get("hmacKey").asText()).useKeyPair(Acme4jEndToEndTest.p256())
                .create(client.session()).getStatus()).isEqualTo(Status.VALID);
        JsonNode listed = Acme4jClient.json(fx.ca.get("/eab-keys", Map.of("Authorization", "Bearer " + fx.ca.adminToken())));
        assertThat(listed.get("keys").get(0).has("account")).isTrue();
    }
}
