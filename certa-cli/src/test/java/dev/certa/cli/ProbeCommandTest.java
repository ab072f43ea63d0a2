package dev.certa.cli;

import static dev.certa.cli.TrustPki.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certa.core.testing.OpenSslServer;
import dev.certa.core.testing.RawTcpServer;
import dev.certa.core.testing.TestPki;
import dev.certa.core.testing.TlsTestServer;
import dev.certa.core.testing.Tools;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code certa probe} against servers started here, on 127.0.0.1: JSSE servers that present exactly
 * the chain they are given (so they can be misconfigured on purpose) and {@code openssl s_server}.
 * Each case checks the exit code and what the diagnosis says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProbeCommandTest {
    @TempDir
    static Path dir;

    private TrustPki pki;
    private CliRunner certa;

    @BeforeAll
    void writeChains() {
        pki = new TrustPki().writeTo(dir);
        certa = new CliRunner(dir);
    }

    private CliRunner.Result probe(int port, String... more) {
        List<String> args = new ArrayList<>(List.of("probe", "127.0.0.1:" + port, "--servername", HOST));
        args.addAll(List.of(more));
        return certa.run(args.toArray(String[]::new));
    }

    private static TlsTestServer jsse(TestPki.Leaf leaf, X509Certificate... sent) throws Exception {
        return TlsTestServer.start(leaf.key().getPrivate(), List.of(sent));
    }

    // --- JSSE servers ---------------------------------------------------------------------------

    @Test
    void goodChainFromJsse() throws Exception {
        try (var server = jsse(pki.good, pki.good.issued().certificate(), pki.intermediate())) {
            CliRunner.Result r = probe(server.port(), "--roots", "root.pem");
            assertThat(r.exitCode()).as(r.all()).isZero();
            assertThat(r.out()).startsWith(HOST + ": TRUSTED\n")
                    .contains("trusted (store: root.pem)", "Connection: 127.0.0.1:" + server.port() + " (SNI " + HOST + "), TLSv1.3",
                            "Sent by the server, in this order:\n  #0 CN=" + HOST + "  (issuer CN=Shop Intermediate CA,O=certa tests)\n"
                                    + "  #1 CN=Shop Intermediate CA,O=certa tests  (issuer CN=Shop Root CA,O=certa tests)\n")
                    .doesNotContain("Problems:", "Client certificate:");
        }
    }

    @Test
    void wrongOrderIsTrustedWithAWarningAboutTheOrder() throws Exception {
        try (var server = jsse(pki.deep, pki.deep.issued().certificate(), pki.upper.certificate(), pki.lower.certificate())) {
            CliRunner.Result r = probe(server.port(), "--roots", "root.pem");
            assertThat(r.exitCode()).as(r.all()).isZero();
            assertThat(r.out()).startsWith(HOST + ": TRUSTED\n")
                    .contains("  #1 CN=Shop Upper CA", "  #2 CN=Shop Lower CA", "Warnings:", "order");
        }
    }

    @Test
    void hostnameMismatchNamesBothNames() throws Exception {
        try (var server = jsse(pki.good, pki.good.issued().certificate(), pki.intermediate())) {
            CliRunner.Result r = certa.run("probe", "127.0.0.1:" + server.port(), "--servername", "www.elsewhere.test",
                    "--roots", "root.pem");
            assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
            assertThat(r.out()).startsWith("www.elsewhere.test: NOT TRUSTED\n").contains("Problems:", "[0] CN=" + HOST, HOST);
        }
    }

    @Test
    void probingAnAddressWithoutServerNameChecksTheAddress() throws Exception {
        try (var server = jsse(pki.good, pki.good.issued().certificate(), pki.intermediate())) {
            CliRunner.Result r = certa.run("probe", "127.0.0.1:" + server.port(), "--roots", "root.pem");
            assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
            assertThat(r.out()).startsWith("127.0.0.1: NOT TRUSTED\n")
                    .contains("[0] CN=" + HOST + ": valid for DNS:" + HOST + ", not for IP:127.0.0.1")
                    .contains("Connection: 127.0.0.1:" + server.port() + ", TLSv1.3");
        }
    }

    @Test
    void selfSignedLeafIsNotTrusted() throws Exception {
        try (var server = jsse(pki.selfSigned, pki.selfSigned.issued().certificate())) {
            CliRunner.Result r = probe(server.port(), "--roots", "root.pem");
            assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
            assertThat(r.out()).startsWith(HOST + ": NOT TRUSTED\n").contains("self-signed", "Fix: ");
        }
    }

    @Test
    void untrustedPrivateRootIsNamedWithTheFix() throws Exception {
        try (var server = jsse(pki.good, pki.good.issued().certificate(), pki.intermediate())) {
            CliRunner.Result r = probe(server.port());
            assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
            assertThat(r.out()).startsWith(HOST + ": NOT TRUSTED\n").contains("its issuer 'CN=Shop Root CA,O=certa tests' was not sent and is not in any trusted store",
                            "if it is a root you trust, add it to the trust store", "trust stores: system");
        }
    }

    @Test
    void clientCertificateRequiredByJsseWithoutCert() throws Exception {
        try (var server = TlsTestServer.start(pki.good.key().getPrivate(), pki.good.issued().fullChain(), List.of(pki.root()))) {
            CliRunner.Result r = probe(server.port(), "--roots", "root.pem");
            assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
            assertThat(r.out()).startsWith(HOST + ": TRUSTED\n")
                    .contains("Client certificate: the server asked for one, issued by one of these CAs:\n"
                            + "    CN=Shop Root CA,O=certa tests\n  none was sent\n")
                    .contains("Refused by the server: the server requires a client certificate and none was sent",
                            "Fix: give a client certificate from one of the CAs the server accepts with --cert FILE --key FILE");
        }
    }

    // --- openssl s_server -----------------------------------------------------------------------

    private OpenSslServer openssl(String leaf, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("-cert", leaf + ".pem", "-key", leaf + "-key.pem"));
        args.addAll(List.of(more));
        return OpenSslServer.start(dir, args.toArray(String[]::new));
    }

    /** A DER OCSP response saying "good" for good.pem, signed by the intermediate, made by {@code openssl ocsp}. */
    private static String ocspResponseForGood(TrustPki pki) throws Exception {
        String serial = pki.good.issued().certificate().getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT);
        TrustPki.writeText(dir, "index.txt", "V\t301231235959Z\t\t" + serial + "\tunknown\t/CN=" + HOST + "\n");
        Tools.Result r = Tools.run(dir, "/usr/bin/openssl", "ocsp", "-index", "index.txt", "-rsigner", "intermediate.pem",
                "-rkey", "intermediate-key.pem", "-CA", "intermediate.pem", "-issuer", "intermediate.pem", "-cert", "good.pem",
                "-respout", "good-ocsp.der", "-ndays", "1");
        assertThat(r.exitCode()).as(r.output()).isZero();
        return "good-ocsp.der";
    }

    @Test
    void goodChainFromOpenSslWithAlpnAndAStapledOcspResponse() throws Exception {
        String ocsp = ocspResponseForGood(pki);
        long size = java.nio.file.Files.size(dir.resolve(ocsp));
        try (var server = openssl("good", "-cert_chain", "intermediate.pem", "-alpn", "h2,http/1.1", "-status_file", ocsp)) {
            CliRunner.Result r = probe(server.port(), "--roots", "root.pem");
            assertThat(r.exitCode()).as(r.all()).isZero();
            assertThat(r.out()).startsWith(HOST + ": TRUSTED\n").contains("  #1 CN=Shop Intermediate CA")
                    .contains(", ALPN h2, stapled OCSP response (" + size + " bytes)\n");

            JsonNode json = new ObjectMapper().readTree(probe(server.port(), "--roots", "root.pem", "--json").out());
            assertThat(java.util.Base64.getDecoder().decode(json.get("connection").get("stapledOcsp").asText()))
                    .isEqualTo(java.nio.file.Files.readAllBytes(dir.resolve(ocsp)));
        }
    }

    @Test
    void missingIntermediateFromOpenSslNamesItAndSaysServeTheFullChain() throws Exception {
        try (var server = openssl("good")) {
            CliRunner.Result r = probe(server.port(), "--roots", "root.pem");
            assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
            assertThat(r.out()).startsWith(HOST + ": NOT TRUSTED\n")
                    .contains("Sent by the server, in this order:\n  #0 CN=" + HOST + "  (issuer CN=Shop Intermediate CA")
                    .doesNotContain("  #1 ")
                    .contains("the server sent no intermediate certificate; the chain stops at 'CN=Shop Intermediate CA,O=certa tests'",
                            "Fix: serve the full chain (fullchain.pem)");
        }
    }

    @Test
    void expiredLeafFromOpenSsl() throws Exception {
        try (var server = openssl("expired", "-cert_chain", "intermediate.pem")) {
            CliRunner.Result r = probe(server.port(), "--roots", "root.pem");
            assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
            assertThat(r.out()).startsWith(HOST + ": NOT TRUSTED\n")
                    .contains("[0] CN=" + HOST + ": expired ", " days ago (notAfter ", "Fix: renew the certificate");
            assertThat(r.out().lines().filter(l -> l.startsWith("  [0] ")).findFirst().orElseThrow()).contains("leaf", "expired");
            assertThat(r.out().lines().filter(l -> l.startsWith("  [1] ")).findFirst().orElseThrow()).endsWith("ok");
        }
    }

    @Test
    void clientCertificateRequiredByOpenSslWithAndWithoutCert() throws Exception {
        try (var server = openssl("good", "-cert_chain", "intermediate.pem", "-Verify", "1", "-CAfile", "root.pem")) {
            CliRunner.Result without = probe(server.port(), "--roots", "root.pem");
            assertThat(without.exitCode()).as(without.all()).isEqualTo(1);
            assertThat(without.out()).contains("Client certificate: the server asked for one, issued by one of these CAs:\n"
                    + "    CN=Shop Root CA,O=certa tests\n  none was sent\n", "Refused by the server:",
                    "requires a client certificate");

            CliRunner.Result with = probe(server.port(), "--roots", "root.pem", "--cert", "client-fullchain.pem",
                    "--key", "client-key.pem");
            assertThat(with.exitCode()).as(with.all()).isZero();
            assertThat(with.out()).startsWith(HOST + ": TRUSTED\n")
                    .contains("Client certificate: the server asked for one", "  one was sent (--cert)\n")
                    .doesNotContain("Refused");
        }
    }

    @Test
    void aClientCertificateFromAnotherCaIsRefusedByTheServer() throws Exception {
        try (var server = openssl("good", "-cert_chain", "intermediate.pem", "-Verify", "1", "-CAfile", "root.pem",
                "-verify_return_error")) {
            CliRunner.Result r = probe(server.port(), "--roots", "root.pem", "--cert", "self-signed.pem",
                    "--key", "self-signed-key.pem");
            assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
            assertThat(r.out()).startsWith(HOST + ": TRUSTED\n").contains("  one was sent (--cert)\n",
                    "Refused by the server: the server refused the client certificate (alert '",
                    "Fix: use a client certificate issued by one of the CAs the server accepts");
        }
    }

    @Test
    void jsonCarriesTheConnection() throws Exception {
        try (var server = openssl("good", "-cert_chain", "intermediate.pem", "-Verify", "1", "-CAfile", "root.pem")) {
            CliRunner.Result r = probe(server.port(), "--roots", "root.pem", "--json");
            assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
            JsonNode json = new ObjectMapper().readTree(r.out());
            assertThat(json.get("trusted").asBoolean()).isTrue();
            assertThat(json.get("ok").asBoolean()).isFalse();
            JsonNode c = json.get("connection");
            assertThat(c.get("port").asInt()).isEqualTo(server.port());
            assertThat(c.get("serverName").asText()).isEqualTo(HOST);
            assertThat(c.get("protocol").asText()).isEqualTo("TLSv1.3");
            assertThat(c.get("clientCertificateRequest").get("acceptedIssuers").get(0).asText())
                    .isEqualTo("CN=Shop Root CA,O=certa tests");
            assertThat(c.get("clientCertificateRequest").get("certificateSent").asBoolean()).isFalse();
            assertThat(c.get("refusal").get("reason").asText()).contains("requires a client certificate");
            assertThat(json.get("presented")).hasSize(2);
        }
    }

    // --- servers that cannot be probed ----------------------------------------------------------

    @Test
    void connectionRefusedIsOneParagraph() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CliRunner.Result r = probe(port);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("certa: 127.0.0.1:" + port + ": connection refused; nothing is listening on that port\n"
                + "Fix: check the host and port, and that the server is running\n");
    }

    @Test
    void aPlainHttpPortIsNotTls() throws Exception {
        try (var server = new RawTcpServer(RawTcpServer.plainHttp())) {
            CliRunner.Result r = probe(server.port(), "--timeout", "5s");
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err()).contains("does not speak TLS: it answered 'HTTP/1.1 400 Bad Request'", "Fix: check the port")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void aSilentServerIsBoundedByTimeout() throws Exception {
        try (var server = new RawTcpServer(RawTcpServer.silent())) {
            CliRunner.Result r = probe(server.port(), "--timeout", "1s");
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err()).contains("accepted the connection but sent nothing within 1 s");
        }
    }

    @Test
    void certWithoutKeyIsAUsageError() {
        CliRunner.Result r = certa.run("probe", "127.0.0.1:1", "--cert", "client.pem");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("a client certificate needs both --cert and --key");
    }
}
