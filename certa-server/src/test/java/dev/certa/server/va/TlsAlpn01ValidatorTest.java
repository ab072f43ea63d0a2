package dev.certa.server.va;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.server.testing.TlsAlpnResponder;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * tls-alpn-01 against a JSSE server on loopback: the right certificate is valid, and each way a
 * certificate or a handshake can be wrong is refused with the error type and a detail saying what.
 */
class TlsAlpn01ValidatorTest {
    private static final String NAME = "alpn.example.test";
    private static final String KEY_AUTHORIZATION = "tok.thumbprint";
    private TlsAlpnResponder server;
    private KeyPair key;

    @BeforeEach
    void start() throws Exception {
        server = new TlsAlpnResponder();
        key = TlsAlpnResponder.p256();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private ValidationOutcome validate(int port, AddressPolicy policy, String identifier, Duration timeout) {
        var settings = new ValidationSettings(1, port, Optional.empty(), policy, List.of("certa.test"), timeout, 3, 8192);
        try (var va = new ValidationAuthority(settings)) {
            return va.validate(new ValidationRequest("tls-alpn-01", identifier, "tok", KEY_AUTHORIZATION, "https://ca/acct/1")).join();
        }
    }

    /** Validates the IP identifier 127.0.0.1 (no DNS needed) against the responder. */
    private ValidationOutcome validateLoopback() {
        return validate(server.port(), AddressPolicy.anyAddress(), "ip:127.0.0.1", Duration.ofSeconds(5));
    }

    private X509Certificate cert(List<GeneralName> sans, Optional<byte[]> digest, boolean critical) throws Exception {
        return TlsAlpnResponder.certificate(key, sans, digest, critical);
    }

    private static GeneralName loopback() {
        return new GeneralName(GeneralName.iPAddress, "127.0.0.1");
    }

    private void serve(X509Certificate... chain) {
        server.serve("1.0.0.127.in-addr.arpa", key, chain);
    }

    private static void assertInvalid(ValidationOutcome o, String type, String... detail) {
        assertThat(o).isInstanceOfSatisfying(ValidationOutcome.Invalid.class, i -> {
            assertThat(i.errorType()).as(i.detail()).isEqualTo(type);
            assertThat(i.detail()).contains(detail);
        });
    }

    @Test
    void theRightCertificateForAnIpIsValidAndWasAskedForByItsReverseName() throws Exception {
        serve(cert(List.of(loopback()), Optional.of(TlsAlpnResponder.digest(KEY_AUTHORIZATION)), true));

        assertThat(validateLoopback()).isInstanceOf(ValidationOutcome.Valid.class);
        assertThat(server.requestedNames()).containsExactly("1.0.0.127.in-addr.arpa");
    }

    @Test
    void aDigestOfAnotherKeyAuthorizationIsAnIncorrectResponse() throws Exception {
        serve(cert(List.of(loopback()), Optional.of(TlsAlpnResponder.digest("tok.other-account")), true));

        assertInvalid(validateLoopback(), "incorrectResponse", "acmeIdentifier", "not the SHA-256 digest");
    }

    @Test
    void theExtensionMustBeThereAndCritical() throws Exception {
        serve(cert(List.of(loopback()), Optional.empty(), true));
        assertInvalid(validateLoopback(), "incorrectResponse", "no acmeIdentifier extension");

        serve(cert(List.of(loopback()), Optional.of(TlsAlpnResponder.digest(KEY_AUTHORIZATION)), false));
        assertInvalid(validateLoopback(), "incorrectResponse", "not marked critical");
    }

    @Test
    void theCertificateMustNameExactlyTheIdentifier() throws Exception {
        byte[] digest = TlsAlpnResponder.digest(KEY_AUTHORIZATION);
        serve(cert(List.of(loopback(), new GeneralName(GeneralName.dNSName, "extra.example.test")), Optional.of(digest), true));
        assertInvalid(validateLoopback(), "incorrectResponse", "must name exactly 127.0.0.1", "DNS:extra.example.test");

        serve(cert(List.of(new GeneralName(GeneralName.iPAddress, "127.0.0.2")), Optional.of(digest), true));
        assertInvalid(validateLoopback(), "incorrectResponse", "must name exactly 127.0.0.1");
    }

    @Test
    void onlyTheValidationCertificateMayBeSent() throws Exception {
        X509Certificate good = cert(List.of(loopback()), Optional.of(TlsAlpnResponder.digest(KEY_AUTHORIZATION)), true);
        serve(good, cert(List.of(), Optional.empty(), false));

        assertInvalid(validateLoopback(), "incorrectResponse", "sent 2 certificates");
    }

    @Test
    void aServerThatIgnoresAlpnHasNotTakenTheChallenge() throws Exception {
        try (TlsAlpnResponder plain = new TlsAlpnResponder(Optional.empty())) {
            plain.serve("1.0.0.127.in-addr.arpa", key, cert(List.of(loopback()),
                    Optional.of(TlsAlpnResponder.digest(KEY_AUTHORIZATION)), true));

            assertInvalid(validate(plain.port(), AddressPolicy.anyAddress(), "ip:127.0.0.1", Duration.ofSeconds(5)),
                    "incorrectResponse", "did not agree to the ALPN protocol acme-tls/1");
        }
    }

    @Test
    void aServerWithoutACertificateForTheNameFailsTheHandshake() {
        assertInvalid(validateLoopback(), "tls", "TLS handshake", "SNI 1.0.0.127.in-addr.arpa");
    }

    @Test
    void aPrivateAddressIsNotContactedUnlessAllowed() throws Exception {
        serve(cert(List.of(loopback()), Optional.of(TlsAlpnResponder.digest(KEY_AUTHORIZATION)), true));

        assertInvalid(validate(server.port(), AddressPolicy.publicOnly(), "ip:127.0.0.1", Duration.ofSeconds(5)),
                "rejectedIdentifier", "private or local address");
        assertThat(server.requestedNames()).isEmpty();
        var onlyLoopback = new AddressPolicy(false, List.of(AddressPolicy.Network.parse("127.0.0.1/32")));
        assertThat(validate(server.port(), onlyLoopback, "ip:127.0.0.1", Duration.ofSeconds(5))).isInstanceOf(ValidationOutcome.Valid.class);
    }

    @Test
    void aServerThatNeverAnswersTheHandshakeRunsOutOfTime() throws Exception {
        try (ServerSocket silent = TlsAlpnResponder.silent()) {
            ValidationOutcome o = validate(silent.getLocalPort(), AddressPolicy.anyAddress(), "ip:127.0.0.1", Duration.ofMillis(800));
            assertThat(o).isInstanceOfSatisfying(ValidationOutcome.Invalid.class, i -> {
                assertThat(i.errorType()).isIn("tls", "connection");
                assertThat(i.detail()).contains("time");
            });
        }
    }

    @Test
    void reverseNamesFollowRfc8738() throws Exception {
        assertThat(TlsAlpn01Validator.reverseName(InetAddress.getByName("192.0.2.1"))).isEqualTo("1.2.0.192.in-addr.arpa");
        assertThat(TlsAlpn01Validator.reverseName(InetAddress.getByName("2001:db8::1")))
                .isEqualTo("1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa");
    }
}
