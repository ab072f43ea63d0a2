package dev.certa.server.acme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.certa.server.testing.RunningCa;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * A hand-made ACME client for the attack tests (and for talking to one chosen node of several): it signs whatever JWS a test wants (wrong key, wrong
 * URL, replayed nonce) with Nimbus and posts it as is.
 */
final class RawAcme {
    static final ObjectMapper JSON = new ObjectMapper();
    private final RunningCa ca;
    final JsonNode directory;

    RawAcme(RunningCa ca) throws Exception {
        this.ca = ca;
        this.directory = JSON.readTree(send(HttpRequest.newBuilder(ca.https("/acme/directory")).GET()).body());
    }

    /** An account: its key and URL. */
    record Account(ECKey key, String url) {}

    static ECKey newKey() throws Exception {
        return new ECKeyGenerator(Curve.P_256).generate();
    }

    String url(String resource) {
        return directory.get(resource).asText();
    }

    String nonce() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(onThisNode(url("newNonce"))).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        return r.headers().firstValue("Replay-Nonce").orElseThrow();
    }

    /** A flattened JWS signed by {@code signer}, naming the key by {@code kid} or else embedding it. */
    static String jws(ECKey signer, Optional<String> kid, String url, String nonce, String payload) throws Exception {
        JWSHeader.Builder h = new JWSHeader.Builder(JWSAlgorithm.ES256).customParam("nonce", nonce).customParam("url", url);
        h = kid.isPresent() ? h.keyID(kid.get()) : h.jwk(signer.toPublicJWK());
        JWSObject o = new JWSObject(h.build(), new Payload(payload));
        o.sign(new ECDSASigner(signer));
        ObjectNode n = JSON.createObjectNode();
        n.put("protected", o.getHeader().toBase64URL().toString());
        n.put("payload", o.getPayload().toBase64URL().toString());
        n.put("signature", o.getSignature().toString());
        return n.toString();
    }

    HttpResponse<String> post(String url, String body) throws Exception {
        return send(HttpRequest.newBuilder(onThisNode(url)).header("Content-Type", "application/jose+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A correctly signed request of {@code account} with a fresh nonce. */
    HttpResponse<String> post(Account account, String url, String payload) throws Exception {
        return post(url, jws(account.key(), Optional.of(account.url()), url, nonce(), payload));
    }

    Account newAccount() throws Exception {
        ECKey key = newKey();
        HttpResponse<String> r = post(url("newAccount"), jws(key, Optional.empty(), url("newAccount"), nonce(),
                "{\"termsOfServiceAgreed\":true}"));
        if (r.statusCode() != 201) {
            throw new IllegalStateException(r.body());
        }
        return new Account(key, r.headers().firstValue("Location").orElseThrow());
    }

    /** newOrder for DNS names; returns the order URL and its JSON. */
    HttpResponse<String> newOrder(Account a, String... names) throws Exception {
        ObjectNode p = JSON.createObjectNode();
        var ids = p.putArray("identifiers");
        for (String n : names) {
            ids.addObject().put("type", "dns").put("value", n);
        }
        return post(a, url("newOrder"), p.toString());
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    static String problemType(HttpResponse<String> r) throws Exception {
        return json(r).path("type").asText();
    }

    /**
     * Where to send a request for {@code url}: this node, at the URL's path. With one node that is the
     * URL itself; with several behind one public URL ({@code acme.base-url}), it plays the load balancer.
     */
    private URI onThisNode(String url) {
        return ca.https(URI.create(url).getRawPath());
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return ca.client.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
