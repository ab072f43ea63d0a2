package dev.certa.server.acme;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWK;
import dev.certa.store.AcmeAccount;
import java.util.Optional;

/**
 * A request whose JWS verified: signed by {@code key} (the account's, when it named one by {@code kid}),
 * for this URL, with a nonce used now for the first time.
 *
 * @param payload the JSON payload; empty for POST-as-GET
 */
public record VerifiedJws(Optional<AcmeAccount> account, JWK key, String keyThumbprint, Optional<JsonNode> payload) {

    /** The account, which every request but newAccount (and revocation by certificate key) must have. */
    public AcmeAccount requireAccount() {
        return account.orElseThrow();
    }
}
