package dev.certa.core.interop;

import dev.certa.core.testing.OpenSslServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.certa.core.key.KeyType;
import dev.certa.core.pem.PemWriter;
import dev.certa.core.profile.Profile;
import dev.certa.core.testing.TestPki;
import dev.certa.core.testing.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TLS servers configured with certa's files complete handshakes with clients that trust only the
 * certa root, JSSE and openssl alike, and fail recognisably when the name, the chain or the trust
 * is wrong. Everything runs on 127.0.0.1 with bounded waits.
 *
 * <p>When the client refuses, what the server sees depends on timing (the client's alert, or a
 * broken pipe if it was still writing), so only the client's error is checked in detail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsHandshakeInteropTest {
    private static final String HOST = "api.example.com";

    private final Map<KeyType, TestPki> pkis = new EnumMap<>(KeyType.class);
    private final Map<KeyType, TestPki.Leaf> leaves = new EnumMap<>(KeyType.class);
    private final TestPki untrusted = new TestPki(KeyType.EC_P256, "Untrusted");

    private TestPki pki(KeyType type) {
        return pkis.computeIfAbsent(type, t -> new TestPki(t, "TLS " + t.id()));
    }

    private TestPki.Leaf serverLeaf(KeyType type) {
        return leaves.computeIfAbsent(type, t -> pki(t).leaf(new Profile.TlsServer(), HOST, "localhost", "127.0.0.1"));
    }

    private SSLContext jsseServer(KeyType type, boolean sendIntermediate) throws Exception {
        TestPki.Leaf leaf = serverLeaf(type);
        var chain = sendIntermediate ? leaf.issued().fullChain() : List.of(leaf.issued().certificate());
        return Jsse.context(Jsse.keyEntry(leaf.key(), chain), List.of());
    }

    private SSLContext jsseClientTrusting(TestPki pki) throws Exception {
        return Jsse.context(null, List.of(pki.root.certificate()));
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void jsseClientAndServerHandshakeAndExchangeData(KeyType type) throws Exception {
        try (var server = new OneConnectionTlsServer(jsseServer(type, true), false)) {
            String reply = Jsse.exchange(jsseClientTrusting(pki(type)), HOST, server.port(), "ping\n");

            assertThat(reply).isEqualTo("hello ping\n");
            assertThat(server.served().line()).isEqualTo("ping");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1"})
    void jsseClientAcceptsEveryNameTheCertificateHolds(String host) throws Exception {
        try (var server = new OneConnectionTlsServer(jsseServer(KeyType.EC_P256, true), false)) {
            String reply = Jsse.exchange(jsseClientTrusting(pki(KeyType.EC_P256)), host, server.port(), host + "\n");

            assertThat(reply).isEqualTo("hello " + host + "\n");
        }
    }

    @Test
    void jsseClientRefusesACertificateWithoutTheHostName() throws Exception {
        try (var server = new OneConnectionTlsServer(jsseServer(KeyType.EC_P256, true), false)) {
            var e = catchThrowableOfType(SSLHandshakeException.class, () -> Jsse.exchange(
                    jsseClientTrusting(pki(KeyType.EC_P256)), "other.example.com", server.port(), "ping\n"));

            assertThat(Jsse.messages(e)).contains("No subject alternative DNS name matching other.example.com found");
            assertThat(server.failure()).as("the server served nothing").isInstanceOf(IOException.class);
        }
    }

    @Test
    void jsseClientRefusesAServerThatSendsNoIntermediate() throws Exception {
        try (var server = new OneConnectionTlsServer(jsseServer(KeyType.EC_P256, false), false)) {
            var e = catchThrowableOfType(SSLHandshakeException.class,
                    () -> Jsse.exchange(jsseClientTrusting(pki(KeyType.EC_P256)), HOST, server.port(), "ping\n"));

            assertThat(Jsse.messages(e)).contains("PKIX path building failed")
                    .contains("unable to find valid certification path to requested target");
            assertThat(server.failure()).as("the server served nothing").isInstanceOf(IOException.class);
        }
    }

    @Test
    void jsseClientRefusesAServerUnderARootItDoesNotTrust() throws Exception {
        try (var server = new OneConnectionTlsServer(jsseServer(KeyType.EC_P256, true), false)) {
            var e = catchThrowableOfType(SSLHandshakeException.class,
                    () -> Jsse.exchange(jsseClientTrusting(untrusted), HOST, server.port(), "ping\n"));

            assertThat(Jsse.messages(e)).contains("PKIX path building failed")
                    .contains("unable to find valid certification path to requested target");
            assertThat(server.failure()).as("the server served nothing").isInstanceOf(IOException.class);
        }
    }

    /** Writes root.pem, other-root.pem, leaf.pem, key.pem and chain.pem (the intermediates) into {@code dir}. */
    private void writeServerFiles(KeyType type, Path dir) throws Exception {
        TestPki.Leaf leaf = serverLeaf(type);
        Files.writeString(dir.resolve("root.pem"), PemWriter.certificate(pki(type).root.certificate()));
        Files.writeString(dir.resolve("other-root.pem"), PemWriter.certificate(untrusted.root.certificate()));
        Files.writeString(dir.resolve("leaf.pem"), PemWriter.certificate(leaf.issued().certificate()));
        Files.writeString(dir.resolve("key.pem"), PemWriter.privateKey(leaf.key().getPrivate()));
        Files.writeString(dir.resolve("chain.pem"), PemWriter.certificates(leaf.issued().intermediates()));
    }

    private static Tools.Result sClient(Path dir, int port, String verifyHost, String caFile) {
        return OpenSsl.run(dir, "s_client", "-connect", "127.0.0.1:" + port, "-servername", HOST,
                "-verify_return_error", "-verify_hostname", verifyHost, "-CAfile", caFile);
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void opensslServerWithCertasFilesIsVerifiedByOpenSslAndJsseClients(KeyType type, @TempDir Path dir) throws Exception {
        writeServerFiles(type, dir);
        try (var server = OpenSslServer.start(dir, "-cert", "leaf.pem", "-key", "key.pem", "-cert_chain", "chain.pem")) {
            Tools.Result r = sClient(dir, server.port(), HOST, "root.pem");

            assertThat(r.output()).contains("Verify return code: 0 (ok)");
            assertThat(r.exitCode()).as(r.output()).isZero();

            String page = Jsse.exchange(jsseClientTrusting(pki(type)), HOST, server.port(), "GET / HTTP/1.0\r\n\r\n");
            assertThat(page).startsWith("HTTP/1.0 200 ok");
        }
    }

    @Test
    void opensslClientRefusesAServerCertificateForAnotherHost(@TempDir Path dir) throws Exception {
        writeServerFiles(KeyType.EC_P256, dir);
        try (var server = OpenSslServer.start(dir, "-cert", "leaf.pem", "-key", "key.pem", "-cert_chain", "chain.pem")) {
            Tools.Result r = sClient(dir, server.port(), "other.example.com", "root.pem");

            assertThat(r.exitCode()).as(r.output()).isNotZero();
            assertThat(r.output()).contains("hostname mismatch").doesNotContain("Verify return code: 0 (ok)");
        }
    }

    @Test
    void opensslClientRefusesAServerThatSendsNoIntermediate(@TempDir Path dir) throws Exception {
        writeServerFiles(KeyType.EC_P256, dir);
        try (var server = OpenSslServer.start(dir, "-cert", "leaf.pem", "-key", "key.pem")) {
            Tools.Result r = sClient(dir, server.port(), HOST, "root.pem");

            assertThat(r.exitCode()).as(r.output()).isNotZero();
            assertThat(r.output()).contains("unable to get local issuer certificate");
        }
    }

    @Test
    void opensslClientRefusesAServerUnderARootItDoesNotTrust(@TempDir Path dir) throws Exception {
        writeServerFiles(KeyType.EC_P256, dir);
        try (var server = OpenSslServer.start(dir, "-cert", "leaf.pem", "-key", "key.pem", "-cert_chain", "chain.pem")) {
            Tools.Result r = sClient(dir, server.port(), HOST, "other-root.pem");

            assertThat(r.exitCode()).as(r.output()).isNotZero();
            assertThat(r.output()).contains("unable to get local issuer certificate");
        }
    }

    @Test
    void opensslClientVerifiesAJsseServerBuiltFromCertasKeystore(@TempDir Path dir) throws Exception {
        writeServerFiles(KeyType.EC_P256, dir);
        try (var server = new OneConnectionTlsServer(jsseServer(KeyType.EC_P256, true), false)) {
            Tools.Result r = sClient(dir, server.port(), HOST, "root.pem");

            assertThat(r.output()).contains("Verify return code: 0 (ok)");
            assertThat(r.exitCode()).as(r.output()).isZero();
        }
    }
}
