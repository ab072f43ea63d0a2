package dev.certa.server.acme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Account keys certa accepts (ES256, ES384, RS256, EdDSA) and algorithms it refuses. */
class AccountKeysTest {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    @TempDir
    Path data;
    private AcmeFixture fx;
    private RawAcme acme;

    @BeforeEach
    void start() throws Exception {
        fx = new AcmeFixture(data);
        acme = new RawAcme(fx.ca);
    }

    @AfterEach
    void stop() throws Exception {
        fx.close();
    }

    private HttpResponse<String> newAccount(JWSAlgorithm alg, JWK publicJwk, JWSSigner signer) throws Exception {
        String url = acme.url("newAccount");
        JWSHeader h = new JWSHeader.Builder(alg).jwk(publicJwk).customParam("nonce", acme.nonce()).customParam("url", url).build();
        JWSObject o = new JWSObject(h, new Payload("{\"termsOfServiceAgreed\":true}"));
        o.sign(signer);
        ObjectNode n = RawAcme.JSON.createObjectNode().put("protected", o.getHeader().toBase64URL().toString())
                .put("payload", o.getPayload().toBase64URL().toString()).put("signature", o.getSignature().toString());
        return acme.post(url, n.toString());
    }

    @Test
    void es256Es384AndRs256AccountsAreCreated() throws Exception {
        var p256 = new ECKeyGenerator(Curve.P_256).generate();
        var p384 = new ECKeyGenerator(Curve.P_384).generate();
        var rsa = new RSAKeyGenerator(2048).generate();

        assertThat(newAccount(JWSAlgorithm.ES256, p256.toPublicJWK(), new ECDSASigner(p256)).statusCode()).isEqualTo(201);
        assertThat(newAccount(JWSAlgorithm.ES384, p384.toPublicJWK(), new ECDSASigner(p384)).statusCode()).isEqualTo(201);
        assertThat(newAccount(JWSAlgorithm.RS256, rsa.toPublicJWK(), new RSASSASigner(rsa)).statusCode()).isEqualTo(201);
    }

    @Test
    void anEd25519AccountIsCreated() throws Exception {
        KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] spki = kp.getPublic().getEncoded();
        String x = B64.encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
        String url = acme.url("newAccount");
        String header = "{\"alg\":\"EdDSA\",\"jwk\":{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + x + "\"},\"nonce\":\""
                + acme.nonce() + "\",\"url\":\"" + url + "\"}";
        String protectedPart = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8));
        String payload = B64.encodeToString("{}".getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(kp.getPrivate());
        s.update((protectedPart + "." + payload).getBytes(StandardCharsets.US_ASCII));
        String body = RawAcme.JSON.createObjectNode().put("protected", protectedPart).put("payload", payload)
                .put("signature", B64.encodeToString(s.sign())).toString();

        HttpResponse<String> r = acme.post(url, body);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    @Test
    void otherAlgorithmsAreRefusedAsBadSignatureAlgorithm() throws Exception {
        var p256 = new ECKeyGenerator(Curve.P_256).generate();
        var p521 = new ECKeyGenerator(Curve.P_521).generate();
        HttpResponse<String> es512 = newAccount(JWSAlgorithm.ES512, p521.toPublicJWK(), new ECDSASigner(p521));
        String url = acme.url("newAccount"); // ES384 named, but a P-256 key: refused before any signature check
        String header = "{\"alg\":\"ES384\",\"jwk\":" + p256.toPublicJWK().toJSONString() + ",\"nonce\":\"" + acme.nonce()
                + "\",\"url\":\"" + url + "\"}";
        HttpResponse<String> mismatch = acme.post(url, RawAcme.JSON.createObjectNode()
                .put("protected", B64.encodeToString(header.getBytes(StandardCharsets.UTF_8))).put("payload", B64.encodeToString("{}".getBytes(StandardCharsets.UTF_8)))
                .put("signature", B64.encodeToString(new byte[96])).toString());
        HttpResponse<String> hmac = newAccount(JWSAlgorithm.HS256, p256.toPublicJWK(), new MACSigner(new byte[32]));

        for (HttpResponse<String> r : java.util.List.of(es512, hmac)) {
            assertThat(RawAcme.problemType(r)).as(r.body()).isEqualTo("urn:ietf:params:acme:error:badSignatureAlgorithm");
            assertThat(RawAcme.json(r).get("algorithms")).isNotEmpty();
        }
        assertThat(RawAcme.problemType(mismatch)).as(mismatch.body()).isIn("urn:ietf:params:acme:error:badSignatureAlgorithm",
                "urn:ietf:params:acme:error:malformed");
    }
}
