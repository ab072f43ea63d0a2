package dev.certa.server.ra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import dev.certa.core.key.KeyType;
import dev.certa.server.config.ProvisionerConfig;
import dev.certa.server.http.ProblemException;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a token's audience must match: this CA's URL as its clients reach it (scheme, host, port) plus
 * {@code /sign}; behind a load balancer, the configured {@code tokens.ca-url}.
 */
class TokenAudienceTest {
    private final KeyPair key = KeyType.EC_P256.generate(new SecureRandom());
    private final TokenMinter minter = new TokenMinter(Clock.systemUTC(), new SecureRandom());

    private TokenVerifier verifier(String caUrl) throws Exception {
        var config = new ProvisionerConfig("default", Path.of("unused.pem"), List.of(), Set.of("server"), Duration.ofDays(1));
        return new TokenVerifier(Map.of("default", new Provisioner(config, new ECDSAVerifier((ECPublicKey) key.getPublic()))),
                Clock.systemUTC(), Duration.ofMinutes(10), URI.create(caUrl));
    }

    private String token(String mintedFor) {
        return minter.mint("default", key, URI.create(mintedFor), List.of("a.example"), Duration.ofMinutes(5));
    }

    private static String refused(TokenVerifier v, String token) {
        ProblemException e = catchThrowableOfType(ProblemException.class, () -> v.verify(token, "/sign"));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.problem().status()).isEqualTo(401);
        assertThat(e.problem().type()).isEqualTo("urn:certa:problem:wrong-audience");
        return e.problem().detail();
    }

    @Test
    void tokenForAnotherPortOfTheSameHostIsRefused() throws Exception {
        TokenVerifier v = verifier("https://ca.example:9443");
        assertThat(refused(v, token("https://ca.example:8443"))).contains("https://ca.example:8443/sign",
                "not for this CA's https://ca.example:9443/sign", "--ca-url https://ca.example:9443");
        assertThat(v.verify(token("https://ca.example:9443"), "/sign").names()).containsExactly("a.example");
    }

    @Test
    void tokenForAnotherHostOrSchemeIsRefused() throws Exception {
        TokenVerifier v = verifier("https://ca.example:8443");
        refused(v, token("https://other.example:8443"));
        refused(v, token("http://ca.example:8443"));
        refused(v, token("https://user@ca.example:8443"));
    }

    @Test
    void anAbsentPortIs443() throws Exception {
        assertThat(verifier("https://ca.example").verify(token("https://ca.example:443"), "/sign").names()).containsExactly("a.example");
        assertThat(verifier("https://ca.example:443").verify(token("https://CA.example"), "/sign").names()).containsExactly("a.example");
        refused(verifier("https://ca.example:8443"), token("https://ca.example"));
    }

    @Test
    void behindALoadBalancerTheConfiguredUrlIsTheAudienceNotTheNodes() throws Exception {
        TokenVerifier node = verifier("https://ca.internal");
        assertThat(node.verify(token("https://ca.internal"), "/sign").names()).containsExactly("a.example");
        refused(node, token("https://node1.internal:8443"));
    }

    @Test
    void tokenForAnotherEndpointIsRefused() throws Exception {
        TokenVerifier v = verifier("https://ca.example:8443");
        String forRenew = minter.mint("default", key, URI.create("https://ca.example:8443/renew/.."), List.of("a.example"),
                Duration.ofMinutes(5));
        refused(v, forRenew);
    }
}
