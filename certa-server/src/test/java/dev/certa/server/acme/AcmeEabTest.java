package dev.certa.server.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.KeyPair;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.shredzone.acme4j.Account;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.exception.AcmeServerException;

/**
 * External Account Binding (RFC 8555 section 7.3.4) with {@code acme.eab = required}: an admin makes a
 * key, a subscriber's acme4j creates an account with it, and an account without one, with a wrong MAC,
 * or with a key that already bound another account is refused.
 */
class AcmeEabTest extends AcmeCaTest {
    private static final String ERR = "urn:ietf:params:acme:error:";
    @Override
    Map<String, String> settings() {
        return Map.of("acme.eab", "required");
    }

    /** An admin's new key: its id and MAC key. */
    private record Key(String id, String hmac) {}

    private Key newKey(String label) throws Exception {
        HttpResponse<String> r = client.admin("/eab-keys", "{\"label\":\"" + label + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode n = Acme4jClient.json(r);
        return new Key(n.get("keyId").asText(), n.get("hmacKey").asText());
    }

    @Test
    void theDirectorySaysAnExternalAccountIsRequired() throws Exception {
        assertThat(client.session().getMetadata().isExternalAccountRequired()).isTrue();
    }

    @Test
    void anAccountIsCreatedWithAnAdminsKeyAndTheKeyThenShowsItsAccount() throws Exception {
        Key key = newKey("team web");
        KeyPair accountKey = Acme4jEndToEndTest.p256();

        Account account = new AccountBuilder().agreeToTermsOfService().withKeyIdentifier(key.id(), key.hmac())
                .useKeyPair(accountKey).create(client.session());

        assertThat(account.getStatus()).isEqualTo(Status.VALID);
        assertThat(client.issue(account, "eab.example.test").getCertificate()).isNotNull();
        // the same account key finds its account again, with or without the binding
        assertThat(new AccountBuilder().onlyExisting().useKeyPair(accountKey).create(client.session()).getLocation())
                .isEqualTo(account.getLocation());
        assertThat(new AccountBuilder().withKeyIdentifier(key.id(), key.hmac()).useKeyPair(accountKey).create(client.session())
                .getLocation()).isEqualTo(account.getLocation());

        HttpResponse<String> list = fx.ca.get("/eab-keys", Map.of("Authorization", "Bearer " + fx.ca.adminToken()));
        JsonNode listed = Acme4jClient.json(list).get("keys").get(0);
        assertThat(listed.get("keyId").asText()).isEqualTo(key.id());
        assertThat(listed.get("label").asText()).isEqualTo("team web");
        assertThat(account.getLocation().toString()).endsWith("/acme/acct/" + listed.get("account").asText());
        assertThat(list.body()).doesNotContain(key.hmac());
        assertThat(Files.readString(fx.ca.data.resolve("audit.log"))).contains(key.id()).doesNotContain(key.hmac());
        String bound = "External Account Binding key " + key.id() + " bound account " + listed.get("account").asText();
        assertThat(Files.readAllLines(fx.ca.data.resolve("audit.log"))).as("which key bound which account")
                .anyMatch(l -> l.contains("\"action\":\"acme-eab-bind\"") && l.contains(bound));
    }

    @Test
    void anAccountWithoutABindingIsRefused() throws Exception {
        assertThatThrownBy(() -> new AccountBuilder().agreeToTermsOfService().useKeyPair(Acme4jEndToEndTest.p256())
                .create(client.session()))
                .isInstanceOfSatisfying(AcmeServerException.class, e -> {
                    assertThat(e.getType().toString()).isEqualTo(ERR + "externalAccountRequired");
                    assertThat(e.getMessage()).contains("certa acme eab add");
                });
    }

    @Test
    void aWrongMacKeyIsRefused() throws Exception {
        Key key = newKey("team web");
        String wrong = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);

        assertThatThrownBy(() -> new AccountBuilder().withKeyIdentifier(key.id(), wrong).useKeyPair(Acme4jEndToEndTest.p256())
                .create(client.session()))
                .isInstanceOfSatisfying(AcmeServerException.class, e -> {
                    assertThat(e.getType().toString()).isEqualTo(ERR + "unauthorized");
                    assertThat(e.getMessage()).contains("MAC does not verify");
                });
        // the key is still free for the subscriber who has the right MAC key
        assertThat(new AccountBuilder().withKeyIdentifier(key.id(), key.hmac()).useKeyPair(Acme4jEndToEndTest.p256())
                .create(client.session()).getStatus()).isEqualTo(Status.VALID);
    }

    @Test
    void aKeyBindsOneAccountOnly() throws Exception {
        Key key = newKey("team web");
        new AccountBuilder().withKeyIdentifier(key.id(), key.hmac()).useKeyPair(Acme4jEndToEndTest.p256()).create(client.session());

        assertThatThrownBy(() -> new AccountBuilder().withKeyIdentifier(key.id(), key.hmac()).useKeyPair(Acme4jEndToEndTest.p256())
                .create(client.session()))
                .isInstanceOfSatisfying(AcmeServerException.class, e -> {
                    assertThat(e.getType().toString()).isEqualTo(ERR + "unauthorized");
                    assertThat(e.getMessage()).contains("already bound to another account");
                });
    }

    @Test
    void aRevokedKeyCreatesNoAccount() throws Exception {
        Key key = newKey("contractor");

        HttpResponse<String> revoked = client.admin("/eab-keys/" + key.id() + "/revoke", "");
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(Acme4jClient.json(revoked).has("revokedAt")).isTrue();
        assertThat(Acme4jClient.json(revoked).has("account")).isFalse();

        assertThatThrownBy(() -> new AccountBuilder().withKeyIdentifier(key.id(), key.hmac()).useKeyPair(Acme4jEndToEndTest.p256())
                .create(client.session()))
                .isInstanceOfSatisfying(AcmeServerException.class, e -> {
                    assertThat(e.getType().toString()).isEqualTo(ERR + "unauthorized");
                    assertThat(e.getMessage()).contains("was revoked by the CA's admin");
                });
        JsonNode listed = Acme4jClient.json(fx.ca.get("/eab-keys", Map.of("Authorization", "Bearer " + fx.ca.adminToken())))
                .get("keys").get(0);
        assertThat(listed.get("keyId").asText()).isEqualTo(key.id());
        assertThat(listed.has("revokedAt")).isTrue();
        assertThat(Files.readString(fx.ca.data.resolve("audit.log"))).contains("acme-eab-key-revoke", key.id());
    }

    @Test
    void revokingAUsedKeyCanDeactivateItsAccount() throws Exception {
        Key kept = newKey("team a");
        Key stopped = newKey("team b");
        Account stays = new AccountBuilder().withKeyIdentifier(kept.id(), kept.hmac()).useKeyPair(Acme4jEndToEndTest.p256())
                .create(client.session());
        Account goes = new AccountBuilder().withKeyIdentifier(stopped.id(), stopped.hmac()).useKeyPair(Acme4jEndToEndTest.p256())
                .create(client.session());

        JsonNode a = Acme4jClient.json(client.admin("/eab-keys/" + kept.id() + "/revoke", ""));
        assertThat(a.get("accountStatus").asText()).as("revoking alone leaves the account").isEqualTo("valid");
        JsonNode b = Acme4jClient.json(client.admin("/eab-keys/" + stopped.id() + "/revoke", "{\"deactivateAccount\": true}"));
        assertThat(b.get("accountStatus").asText()).isEqualTo("deactivated");

        assertThat(client.issue(stays, "stays.example.test").getCertificate()).isNotNull();
        assertThatThrownBy(() -> client.issue(goes, "goes.example.test"))
                .isInstanceOfSatisfying(AcmeServerException.class, e -> assertThat(e.getType().toString()).isEqualTo(ERR + "unauthorized"));

        assertThat(client.admin("/eab-keys/no-such-key/revoke", "").statusCode()).isEqualTo(404);
        HttpResponse<String> badBody = client.admin("/eab-keys/" + kept.id() + "/revoke", "{\"deactivateAccount\": \"yes\"}");
        assertThat(badBody.statusCode()).isEqualTo(400);
        assertThat(badBody.body()).contains("deactivateAccount");
    }

    @Test
    void anUnknownKeyIdIsRefused() throws Exception {
        String mac = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
        assertThatThrownBy(() -> new AccountBuilder().withKeyIdentifier("no-such-key", mac).useKeyPair(Acme4jEndToEndTest.p256())
                .create(client.session()))
                .isInstanceOfSatisfying(AcmeServerException.class, e -> assertThat(e.getType().toString()).isEqualTo(ERR + "unauthorized"));
    }

    @Test
    void aBindingForAnotherKeyOrUrlIsRefused() throws Exception {
        Key key = newKey("team web");
        RawAcme raw = new RawAcme(fx.ca);
        ECKey accountKey = RawAcme.newKey();
        String url = raw.url("newAccount");

        HttpResponse<String> otherKey = raw.post(url, RawAcme.jws(accountKey, Optional.empty(), url, raw.nonce(),
                newAccount(binding(key, RawAcme.newKey(), url))));
        HttpResponse<String> otherUrl = raw.post(url, RawAcme.jws(accountKey, Optional.empty(), url, raw.nonce(),
                newAccount(binding(key, accountKey, raw.url("newOrder")))));
        HttpResponse<String> good = raw.post(url, RawAcme.jws(accountKey, Optional.empty(), url, raw.nonce(),
                newAccount(binding(key, accountKey, url))));

        assertThat(RawAcme.problemType(otherKey)).isEqualTo(ERR + "malformed");
        assertThat(RawAcme.json(otherKey).get("detail").asText()).contains("payload must be the new account's public key");
        assertThat(RawAcme.problemType(otherUrl)).isEqualTo(ERR + "malformed");
        assertThat(good.statusCode()).as(good.body()).isEqualTo(201);
    }

    /** An externalAccountBinding over {@code accountKey}'s public key, MAC-ed with the admin's key. */
    private static ObjectNode binding(Key key, ECKey accountKey, String url) throws Exception {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.id()).customParam("url", url).build(),
                new Payload(accountKey.toPublicJWK().toJSONString()));
        jws.sign(new MACSigner(Base64.getUrlDecoder().decode(key.hmac())));
        ObjectNode n = RawAcme.JSON.createObjectNode();
        n.put("protected", jws.getHeader().toBase64URL().toString());
        n.put("payload", jws.getPayload().toBase64URL().toString());
        n.put("signature", jws.getSignature().toString());
        return n;
    }

    private static String newAccount(ObjectNode binding) {
        ObjectNode p = RawAcme.JSON.createObjectNode();
        p.put("termsOfServiceAgreed", true);
        p.set("externalAccountBinding", binding);
        return p.toString();
    }
}
