package dev.certa.core.interop;

import dev.certa.core.testing.OpenSslServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.certa.core.issue.IssuanceRequest;
import dev.certa.core.issue.IssuedCertificate;
import dev.certa.core.key.KeyType;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.name.SubjectAltName;
import dev.certa.core.pem.PemWriter;
import dev.certa.core.profile.Profile;
import dev.certa.core.testing.TestPki;
import dev.certa.core.testing.Tools;
import java.io.IOException;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutual TLS: a server that requires client certificates and trusts the certa root accepts a certa
 * client certificate, and rejects one from another CA and one whose profile is for servers only
 * (EKU serverAuth). Checked against a JSSE server and against {@code openssl s_server -Verify}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MutualTlsInteropTest {
    private static final String HOST = "api.example.com";

    private final TestPki pki = new TestPki(KeyType.EC_P256, "mTLS");
    private final TestPki otherCa = new TestPki(KeyType.EC_P256, "Other");
    private final TestPki.Leaf server = pki.leaf(new Profile.TlsServer(), HOST);
    private final TestPki.Leaf alice = client(pki, "CN=alice,O=Example", "alice@example.com");
    private final TestPki.Leaf mallory = client(otherCa, "CN=mallory,O=Example", "mallory@example.com");
    private final TestPki.Leaf serverOnly = pki.leaf(new Profile.TlsServer(), "bob.example.com");

    private static TestPki.Leaf client(TestPki ca, String subject, String email) {
        KeyPair key = ca.keyType.generate(TestPki.RANDOM);
        IssuedCertificate cert = ca.issuer.issue(IssuanceRequest.forKey(key.getPublic(), DistinguishedNames.parse(subject),
                List.of(SubjectAltName.email(email)), new Profile.TlsClient()), ca.intermediateCa);
        return new TestPki.Leaf(key, cert);
    }

    private SSLContext jsseServerContext() throws Exception {
        return Jsse.context(Jsse.keyEntry(server.key(), server.issued().fullChain()), List.of(pki.root.certificate()));
    }

    private byte[] keystoreOf(TestPki.Leaf leaf) {
        return Jsse.keyEntry(leaf.key(), leaf.issued().fullChain());
    }

    /**
     * The client's view of a refusal. In TLS 1.3 the client finishes its handshake before the server
     * has checked the client's certificate, so the refusal arrives as the server's alert when the
     * client reads, or as a broken connection when the client was still writing its request.
     */
    private static void assertRefused(Throwable clientSide, String alert) {
        assertThat(clientSide).as("the client's exchange must fail").isInstanceOf(IOException.class);
        if (clientSide instanceof SSLException) {
            assertThat(clientSide).hasMessageContaining(alert);
        } else {
            assertThat(clientSide).isInstanceOf(SocketException.class);
        }
    }

    // --- JSSE server -------------------------------------------------------------------------

    @Test
    void jsseServerAcceptsACertaClientCertificateAndSeesWhoItIs() throws Exception {
        SSLContext client = Jsse.context(keystoreOf(alice), List.of(pki.root.certificate()));
        try (var tls = new OneConnectionTlsServer(jsseServerContext(), true)) {
            String reply = Jsse.exchange(client, HOST, tls.port(), "ping\n");

            assertThat(reply).isEqualTo("hello ping\n");
            List<X509Certificate> seen = tls.served().clientChain();
            assertThat(seen).containsExactlyElementsOf(alice.issued().fullChain());
            assertThat(seen.get(0).getSubjectX500Principal().getName()).isEqualTo("CN=alice,O=Example");
            assertThat(seen.get(0).getSubjectAlternativeNames().stream().map(n -> (Object) n.get(1)))
                    .containsExactly("alice@example.com");
        }
    }

    @Test
    void jsseServerRejectsAClientCertificateFromAnotherCa() throws Exception {
        SSLContext client = Jsse.presentingContext(keystoreOf(mallory), List.of(pki.root.certificate()));
        try (var tls = new OneConnectionTlsServer(jsseServerContext(), true)) {
            Throwable clientSide = catchThrowable(() -> Jsse.exchange(client, HOST, tls.port(), "ping\n"));

            Throwable serverSide = tls.failure();
            assertThat(serverSide).isInstanceOf(SSLHandshakeException.class);
            assertThat(Jsse.messages(serverSide)).contains("PKIX path building failed")
                    .contains("unable to find valid certification path to requested target");
            assertRefused(clientSide, "certificate_unknown");
        }
    }

    @Test
    void jsseServerRejectsAServerProfileCertificatePresentedByAClient() throws Exception {
        SSLContext client = Jsse.presentingContext(keystoreOf(serverOnly), List.of(pki.root.certificate()));
        try (var tls = new OneConnectionTlsServer(jsseServerContext(), true)) {
            Throwable clientSide = catchThrowable(() -> Jsse.exchange(client, HOST, tls.port(), "ping\n"));

            Throwable serverSide = tls.failure();
            assertThat(serverSide).isInstanceOf(SSLHandshakeException.class);
            assertThat(Jsse.messages(serverSide))
                    .contains("Extended key usage does not permit use for TLS client authentication");
            assertRefused(clientSide, "certificate_unknown");
        }
    }

    @Test
    void jsseServerRejectsAClientWithoutACertificate() throws Exception {
        SSLContext client = Jsse.context(null, List.of(pki.root.certificate()));
        try (var tls = new OneConnectionTlsServer(jsseServerContext(), true)) {
            Throwable clientSide = catchThrowable(() -> Jsse.exchange(client, HOST, tls.port(), "ping\n"));

            Throwable serverSide = tls.failure();
            assertThat(serverSide).isInstanceOf(SSLHandshakeException.class);
            assertThat(Jsse.messages(serverSide)).contains("Empty client certificate chain");
            assertRefused(clientSide, "certificate_required");
        }
    }

    // --- openssl s_server -Verify 1 -verify_return_error ------------------------------------

    private OpenSslServer startOpenSslServer(Path dir) throws Exception {
        Files.writeString(dir.resolve("root.pem"), PemWriter.certificate(pki.root.certificate()));
        Files.writeString(dir.resolve("leaf.pem"), PemWriter.certificate(server.issued().certificate()));
        Files.writeString(dir.resolve("key.pem"), PemWriter.privateKey(server.key().getPrivate()));
        Files.writeString(dir.resolve("chain.pem"), PemWriter.certificates(server.issued().intermediates()));
        return OpenSslServer.start(dir, "-cert", "leaf.pem", "-key", "key.pem", "-cert_chain", "chain.pem",
                "-Verify", "1", "-verify_return_error", "-CAfile", "root.pem");
    }

    @Test
    void opensslServerAcceptsACertaClientCertificate(@TempDir Path dir) throws Exception {
        SSLContext client = Jsse.context(keystoreOf(alice), List.of(pki.root.certificate()));
        try (var openssl = startOpenSslServer(dir)) {
            String page = Jsse.exchange(client, HOST, openssl.port(), "GET / HTTP/1.0\r\n\r\n");

            assertThat(page).startsWith("HTTP/1.0 200 ok").contains("Client certificate")
                    .contains(PemWriter.certificate(alice.issued().certificate()).trim());
            assertThat(openssl.log()).doesNotContain("verify error");
        }
    }

    @Test
    void opensslClientWithCertasPemFilesIsAcceptedByOpenSslServer(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("alice.pem"), PemWriter.certificate(alice.issued().certificate()));
        Files.writeString(dir.resolve("alice-key.pem"), PemWriter.privateKey(alice.key().getPrivate()));
        Files.writeString(dir.resolve("alice-chain.pem"), PemWriter.certificates(alice.issued().intermediates()));
        try (var openssl = startOpenSslServer(dir)) {
            Tools.Result r = OpenSsl.run(dir, "s_client", "-connect", "127.0.0.1:" + openssl.port(), "-servername", HOST,
                    "-verify_return_error", "-verify_hostname", HOST, "-CAfile", "root.pem",
                    "-cert", "alice.pem", "-key", "alice-key.pem", "-cert_chain", "alice-chain.pem");

            assertThat(r.output()).contains("Verify return code: 0 (ok)");
            assertThat(r.exitCode()).as(r.output()).isZero();
            String log = openssl.awaitLog("CN = alice", Duration.ofSeconds(5));
            assertThat(log).contains("depth=0 O = Example, CN = alice").doesNotContain("verify error");
        }
    }

    @Test
    void opensslServerRejectsAClientCertificateFromAnotherCa(@TempDir Path dir) throws Exception {
        SSLContext client = Jsse.presentingContext(keystoreOf(mallory), List.of(pki.root.certificate()));
        try (var openssl = startOpenSslServer(dir)) {
            Throwable clientSide = catchThrowable(() -> Jsse.exchange(client, HOST, openssl.port(), "GET / HTTP/1.0\r\n\r\n"));

            assertRefused(clientSide, "unknown_ca");
            assertThat(openssl.awaitLog("verify error", Duration.ofSeconds(5)))
                    .contains("verify error:num=20:unable to get local issuer certificate");
        }
    }

    @Test
    void opensslServerRejectsAServerProfileCertificatePresentedByAClient(@TempDir Path dir) throws Exception {
        SSLContext client = Jsse.presentingContext(keystoreOf(serverOnly), List.of(pki.root.certificate()));
        try (var openssl = startOpenSslServer(dir)) {
            Throwable clientSide = catchThrowable(() -> Jsse.exchange(client, HOST, openssl.port(), "GET / HTTP/1.0\r\n\r\n"));

            assertRefused(clientSide, "unsupported_certificate");
            assertThat(openssl.awaitLog("verify error", Duration.ofSeconds(5)))
                    .contains("verify error:num=26:unsuitable certificate purpose");
        }
    }
}
