package dev.certa.server.va;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.certa.server.testing.TlsAlpnResponder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The validation authority on its own: http-01 against a loopback web server (and an HTTPS one for
 * redirects), its limits, and the private-address rule.
 */
class ValidationAuthorityTest {
    private static final AddressPolicy ONLY_127_0_0_1 = new AddressPolicy(false, List.of(AddressPolicy.Network.parse("127.0.0.1/32")));
    private HttpServer web;
    private HttpsServer tls;

    @BeforeEach
    void start() throws Exception {
        web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        web.createContext("/.well-known/acme-challenge/good", ex -> reply(ex, 200, "good.thumb", null));
        web.createContext("/.well-known/acme-challenge/big", ex -> reply(ex, 200, "x".repeat(100_000), null));
        web.createContext("/.well-known/acme-challenge/loop", ex -> reply(ex, 302, "", "/.well-known/acme-challenge/loop"));
        web.createContext("/.well-known/acme-challenge/away", ex -> reply(ex, 302, "", "http://127.0.0.1:22/x"));
        web.createContext("/.well-known/acme-challenge/hop", ex -> reply(ex, 301, "", "/.well-known/acme-challenge/good"));
        web.createContext("/.well-known/acme-challenge/private", ex -> reply(ex, 302, "", "http://127.0.0.2/.well-known/acme-challenge/good"));
        web.createContext("/.well-known/acme-challenge/ftp", ex -> reply(ex, 302, "", "ftp://127.0.0.1/good"));
        KeyPair key = TlsAlpnResponder.p256();
        X509Certificate cert = TlsAlpnResponder.certificate(key, List.of(), Optional.empty(), false);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("web", key.getPrivate(), "x".toCharArray(), new X509Certificate[] {cert});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
        kmf.init(ks, "x".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        tls = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        tls.setHttpsConfigurator(new HttpsConfigurator(ctx));
        tls.createContext("/.well-known/acme-challenge/", ex -> reply(ex, 200, "secure.thumb", null));
        tls.start();
        web.createContext("/.well-known/acme-challenge/secure", ex -> reply(ex, 302, "",
                "https://127.0.0.1:" + tls.getAddress().getPort() + "/.well-known/acme-challenge/secure"));
        web.createContext("/.well-known/acme-challenge/other-tls-port", ex -> reply(ex, 302, "",
                "https://127.0.0.1:8443/.well-known/acme-challenge/secure"));
        web.start();
    }

    @AfterEach
    void stop() {
        web.stop(0);
        tls.stop(0);
    }

    private static void reply(com.sun.net.httpserver.HttpExchange ex, int status, String body, String location) throws java.io.IOException {
        if (location != null) {
            ex.getResponseHeaders().set("Location", location);
        }
        byte[] b = body.getBytes(StandardCharsets.US_ASCII);
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            ex.getResponseBody().write(b);
        }
        ex.close();
    }

    private ValidationOutcome http01(boolean allowPrivate, String token, String keyAuthorization) throws Exception {
        return http01(allowPrivate ? AddressPolicy.anyAddress() : AddressPolicy.publicOnly(), token, keyAuthorization);
    }

    private ValidationOutcome http01(AddressPolicy policy, String token, String keyAuthorization) throws Exception {
        var settings = new ValidationSettings(web.getAddress().getPort(), tls.getAddress().getPort(), Optional.empty(), policy,
                List.of("certa.test"), Duration.ofSeconds(5), 3, 8192);
        try (var va = new ValidationAuthority(settings)) {
            return va.validate(new ValidationRequest("http-01", "ip:127.0.0.1", token, keyAuthorization, "https://ca/acct/1")).get();
        }
    }

    @Test
    void theRightKeyAuthorizationIsValid() throws Exception {
        assertThat(http01(true, "good", "good.thumb")).isInstanceOf(ValidationOutcome.Valid.class);
        assertThat(http01(true, "hop", "good.thumb")).as("a redirect on the same port").isInstanceOf(ValidationOutcome.Valid.class);
    }

    @Test
    void anotherKeyAuthorizationIsAnIncorrectResponse() throws Exception {
        assertThat(http01(true, "good", "good.other")).isInstanceOfSatisfying(ValidationOutcome.Invalid.class,
                i -> assertThat(i.errorType()).isEqualTo("incorrectResponse"));
    }

    @Test
    void loopbackIsRefusedUnlessPrivateAddressesAreAllowed() throws Exception {
        assertThat(http01(false, "good", "good.thumb")).isInstanceOfSatisfying(ValidationOutcome.Invalid.class,
                i -> assertThat(i.errorType()).isEqualTo("rejectedIdentifier"));
    }

    @Test
    void sizeAndRedirectLimitsHold() throws Exception {
        assertThat(http01(true, "big", "x")).isInstanceOfSatisfying(ValidationOutcome.Invalid.class,
                i -> assertThat(i.errorType()).isEqualTo("connection"));
        assertThat(http01(true, "loop", "x")).isInstanceOfSatisfying(ValidationOutcome.Invalid.class,
                i -> assertThat(i.detail()).contains("redirects"));
    }

    @Test
    void redirectsGoOnlyToHttpOn80OrHttpsOn443() throws Exception {
        assertThat(http01(true, "secure", "secure.thumb")).as("to https on the TLS port, any certificate")
                .isInstanceOf(ValidationOutcome.Valid.class);
        for (String token : new String[] {"away", "ftp", "other-tls-port"}) {
            assertThat(http01(true, token, "x")).as(token).isInstanceOfSatisfying(ValidationOutcome.Invalid.class, i -> {
                assertThat(i.errorType()).isEqualTo("connection");
                assertThat(i.detail()).contains("only redirects to http:// on port 80 and https:// on port 443 are followed");
            });
        }
    }

    @Test
    void aRedirectToAPrivateAddressIsNotFollowed() throws Exception {
        assertThat(http01(ONLY_127_0_0_1, "good", "good.thumb")).as("127.0.0.1 itself is allowed")
                .isInstanceOf(ValidationOutcome.Valid.class);
        assertThat(http01(ONLY_127_0_0_1, "private", "good.thumb")).isInstanceOfSatisfying(ValidationOutcome.Invalid.class, i -> {
            assertThat(i.errorType()).isEqualTo("connection");
            assertThat(i.detail()).contains("redirected to http://127.0.0.2/", "private or local address this CA does not contact");
        });
    }

    @Test
    void networksNamedAsAllowedAreMatchedByPrefix() {
        var n = AddressPolicy.Network.parse("10.20.0.0/16");
        assertThat(n.contains(address("10.20.255.1"))).isTrue();
        assertThat(n.contains(address("10.21.0.1"))).isFalse();
        assertThat(AddressPolicy.Network.parse("fd00:1::/33").contains(address("fd00:1:7fff::1"))).isTrue();
        assertThat(AddressPolicy.Network.parse("fd00:1::/33").contains(address("fd00:1:8000::1"))).isFalse();
        assertThat(AddressPolicy.Network.parse("10.0.0.0/8").contains(address("::1"))).isFalse();
        var policy = new AddressPolicy(false, List.of(n));
        assertThat(policy.allows(address("10.20.3.4"))).isTrue();
        assertThat(policy.allows(address("169.254.169.254"))).isFalse();
        assertThat(policy.allows(address("8.8.8.8"))).isTrue();
        for (String bad : new String[] {"10.0.0.0/33", "example.com", "10.0.0.0/x", ""}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> AddressPolicy.Network.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void publicAndPrivateAddressesAreTold() throws Exception {
        assertThat(AddressPolicy.isPublic(InetAddress.getByName("8.8.8.8"))).isTrue();
        for (String p : new String[] {"127.0.0.1", "10.1.2.3", "192.168.0.1", "172.16.0.1", "169.254.1.1", "100.64.0.1", "::1",
                "fd00::1", "fe80::1", "0.0.0.0"}) {
            assertThat(AddressPolicy.isPublic(InetAddress.getByName(p))).as(p).isFalse();
        }
    }
}
