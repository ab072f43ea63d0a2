package dev.certa.core.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.issue.IssuanceRequest;
import dev.certa.core.issue.IssuedCertificate;
import dev.certa.core.key.KeyType;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.profile.Profile;
import dev.certa.core.testing.RawTcpServer;
import dev.certa.core.testing.TestPki;
import dev.certa.core.testing.TlsTestServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The probe against servers started here: it records what a JSSE server sends, in the order sent,
 * whatever its trust; it learns about client-certificate requests; and it explains, within its
 * timeout, servers that refuse, stay silent, speak plain HTTP or hang up mid-handshake.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsProbeTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final TestPki pki = new TestPki(KeyType.EC_P256, "Probe");
    private final TestPki.Leaf leaf = pki.leaf(new Profile.TlsServer(), "api.probe.test");

    private static ProbeTarget local(int port) {
        return ProbeTarget.parse("127.0.0.1:" + port, Optional.of("api.probe.test"));
    }

    @Test
    void recordsTheCertificatesInTheOrderSentWithoutTrustingThem() throws Exception {
        List<X509Certificate> wrongOrder = List.of(leaf.issued().certificate(), pki.root.certificate(),
                pki.intermediate.certificate());
        try (var server = TlsTestServer.start(leaf.key().getPrivate(), wrongOrder)) {
            Handshake h = new TlsProbe(TIMEOUT).probe(local(server.port()), Optional.empty());
            assertThat(h.certificates()).containsExactlyElementsOf(wrongOrder);
            assertThat(h.protocol()).isEqualTo("TLSv1.3");
            assertThat(h.cipherSuite()).startsWith("TLS_");
            assertThat(h.clientCertificateRequest()).isEmpty();
            assertThat(h.refusal()).isEmpty();
            assertThat(h.target().expectedName()).isEqualTo("api.probe.test");
        }
    }

    @Test
    void learnsThatTheServerRequiresAClientCertificateAndWhichCasItAccepts() throws Exception {
        try (var server = TlsTestServer.start(leaf.key().getPrivate(), leaf.issued().fullChain(),
                List.of(pki.root.certificate()))) {
            Handshake h = new TlsProbe(TIMEOUT).probe(local(server.port()), Optional.empty());
            assertThat(h.certificates()).hasSize(2);
            ClientCertificateRequest r = h.clientCertificateRequest().orElseThrow();
            assertThat(r.acceptedIssuers()).containsExactly(pki.root.certificate().getSubjectX500Principal());
            assertThat(r.certificateSent()).isFalse();
            Handshake.Refusal refusal = h.refusal().orElseThrow();
            assertThat(refusal.alert()).contains("certificate_required");
            assertThat(refusal.reason()).contains("requires a client certificate and none was sent");
        }
    }

    @Test
    void presentsAClientCertificateTheServerAccepts() throws Exception {
        KeyPair key = KeyType.EC_P256.generate(TestPki.RANDOM);
        IssuedCertificate client = pki.issuer.issue(IssuanceRequest.forKey(key.getPublic(),
                DistinguishedNames.parse("CN=alice"), List.of(), new Profile.TlsClient()), pki.intermediateCa);
        try (var server = TlsTestServer.start(leaf.key().getPrivate(), leaf.issued().fullChain(),
                List.of(pki.root.certificate()))) {
            Handshake h = new TlsProbe(TIMEOUT).probe(local(server.port()),
                    Optional.of(new ClientIdentity(key.getPrivate(), client.fullChain())));
            assertThat(h.clientCertificateRequest().orElseThrow().certificateSent()).isTrue();
            assertThat(h.refusal()).isEmpty();
        }
    }

    @Test
    void aClosedPortIsConnectionRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CertaException e = probeFails(port, TIMEOUT);
        assertThat(e.reason()).isEqualTo("127.0.0.1:" + port + ": connection refused; nothing is listening on that port");
        assertThat(e.fix().orElseThrow()).contains("check the host and port, and that the server is running");
    }

    @Test
    void aSilentServerTimesOutWithinTheTimeout() throws Exception {
        try (var server = new RawTcpServer(RawTcpServer.silent())) {
            CertaException e = probeFails(server.port(), Duration.ofMillis(800));
            assertThat(e.reason()).contains("accepted the connection but sent nothing within 800 ms");
            assertThat(e.fix().orElseThrow()).contains("--timeout");
        }
    }

    @Test
    void aPlainHttpServerIsNotTls() throws Exception {
        try (var server = new RawTcpServer(RawTcpServer.plainHttp())) {
            CertaException e = probeFails(server.port(), TIMEOUT);
            assertThat(e.reason()).contains("does not speak TLS: it answered 'HTTP/1.1 400 Bad Request'");
        }
    }

    @Test
    void aServerClosingMidHandshakeIsSaidSo() throws Exception {
        try (var server = new RawTcpServer(RawTcpServer.closesMidHandshake())) {
            CertaException e = probeFails(server.port(), TIMEOUT);
            assertThat(e.reason()).contains("closed the connection in the middle of the TLS handshake");
        }
    }

    @Test
    void aServerHangingUpWithoutAnswerIsSaidSo() throws Exception {
        try (var server = new RawTcpServer(RawTcpServer.hangsUp())) {
            CertaException e = probeFails(server.port(), TIMEOUT);
            assertThat(e.reason()).contains("closed the connection without answering the TLS ClientHello");
        }
    }

    @Test
    void targetsParseHostPortAndIpv6() {
        assertThat(ProbeTarget.parse("example.com", Optional.empty()))
                .isEqualTo(new ProbeTarget("example.com", 443, Optional.of("example.com")));
        assertThat(ProbeTarget.parse("[2001:db8::1]:8443", Optional.empty()))
                .isEqualTo(new ProbeTarget("2001:db8::1", 8443, Optional.empty()));
        assertThat(ProbeTarget.parse("10.0.0.1:8443", Optional.empty()).expectsIpAddress()).isTrue();
        CertaException e = catchThrowableOfType(CertaException.class, () -> ProbeTarget.parse("example.com:https", Optional.empty()));
        assertThat(e.kind()).isEqualTo(ErrorKind.USAGE);
        assertThat(e.reason()).contains("'https' is not a port number");
    }

    private static CertaException probeFails(int port, Duration timeout) {
        CertaException e = catchThrowableOfType(CertaException.class,
                () -> new TlsProbe(timeout).probe(local(port), Optional.empty()));
        assertThat(e).as("the probe must fail").isNotNull();
        assertThat(e.kind()).isEqualTo(ErrorKind.NETWORK);
        return e;
    }
}
