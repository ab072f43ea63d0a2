package dev.certa.server.va;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The validation authority on its own: http-01 against a loopback web server, its limits, and the private-address rule. */
class ValidationAuthorityTest {
    private HttpServer web;

    @BeforeEach
    void start() throws Exception {
        web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        web.createContext("/.well-known/acme-challenge/good", ex -> reply(ex, 200, "good.thumb", null));
        web.createContext("/.well-known/acme-challenge/big", ex -> reply(ex, 200, "x".repeat(100_000), null));
        web.createContext("/.well-known/acme-challenge/loop", ex -> reply(ex, 302, "", "/.well-known/acme-challenge/loop"));
        web.createContext("/.well-known/acme-challenge/away", ex -> reply(ex, 302, "", "http://127.0.0.1:22/x"));
        web.createContext("/.well-known/acme-challenge/hop", ex -> reply(ex, 301, "", "/.well-known/acme-challenge/good"));
        web.start();
    }

    @AfterEach
    void stop() {
        web.stop(0);
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
        var settings = new ValidationSettings(web.getAddress().getPort(), Optional.empty(), allowPrivate, Duration.ofSeconds(5), 3, 8192);
        try (var va = new ValidationAuthority(settings)) {
            return va.validate(new ValidationRequest("http-01", "ip:127.0.0.1", token, keyAuthorization)).get();
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
        assertThat(http01(true, "away", "x")).isInstanceOfSatisfying(ValidationOutcome.Invalid.class,
                i -> assertThat(i.detail()).contains("only redirects to plain HTTP on the validation port"));
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
