package dev.certa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** certa sign: the happy path, then each bad input with its error and no file written. */
class SignCommandTest {
    @TempDir
    Path tmp;

    CliRunner cli;

    @BeforeEach
    void ca() {
        cli = new CliRunner(tmp).withCa();
    }

    private void csr(String... args) {
        var r = cli.run(args);
        assertThat(r.exitCode()).as(r.all()).isZero();
    }

    @Test
    void signsACsrIntoACertificateAndFullchainThatOpensslVerifies() {
        csr("csr", "create", "api.example.com", "10.0.0.5", "--new-key", "api-key.pem", "--out", "api.csr");
        var r = cli.run("sign", "api.csr", "--profile", "server", "--validity", "30d");
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).contains("Issued a server certificate for DNS:api.example.com, IP:10.0.0.5");
        assertThat(cli.file("api.pem")).exists();
        assertThat(cli.read("api-fullchain.pem")).containsPattern("(?s)BEGIN CERTIFICATE.*BEGIN CERTIFICATE");
        var v = Tools.run(tmp, "openssl", "verify", "-CAfile", "ca/root-ca.pem", "-untrusted", "api-fullchain.pem",
                "-purpose", "sslserver", "-verify_hostname", "api.example.com", "api.pem");
        assertThat(v.output()).contains("api.pem: OK");
        var days = Tools.run(tmp, "openssl", "x509", "-in", "api.pem", "-noout", "-checkend", String.valueOf(29 * 86400));
        assertThat(days.exitCode()).isZero();
    }

    @Test
    void signsAnOpensslCsrAsAClientCertificate() {
        Tools.run(tmp, "openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "alice-key.pem", "-subj", "/CN=alice@example.com", "-out", "alice.csr");
        var r = cli.run("sign", "alice.csr", "--profile", "client");
        assertThat(r.exitCode()).as(r.all()).isZero();
        var v = Tools.run(tmp, "openssl", "verify", "-CAfile", "ca/root-ca.pem", "-untrusted", "ca/intermediate-ca.pem",
                "-purpose", "sslclient", "alice.pem");
        assertThat(v.output()).contains("alice.pem: OK");
        var t = Tools.run(tmp, "openssl", "x509", "-in", "alice.pem", "-noout", "-ext", "extendedKeyUsage,subjectAltName");
        assertThat(t.output()).contains("TLS Web Client Authentication").contains("email:alice@example.com");
        // a client certificate is not served: the output says what a client does with it
        assertThat(r.out()).doesNotContain("serve").contains("alice-fullchain.pem  (certificate + intermediate: the client presents this one");
    }

    @Test
    void wrongCaPasswordIsRefusedAndNothingIsWritten() {
        csr("csr", "create", "a.example.com", "--new-key", "a-key.pem", "--out", "a.csr");
        var before = cli.listing();
        var r = cli.with("CERTA_PASSWORD", "wrong").run("sign", "a.csr");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("intermediate-ca-key.pem: the password does not decrypt this key")
                .contains("--password-file");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(cli.listing()).isEqualTo(before);
    }

    @Test
    void aCsrWhoseSignatureDoesNotVerifyIsRefused() throws Exception {
        csr("csr", "create", "a.example.com", "--new-key", "a-key.pem", "--out", "a.csr");
        String pem = cli.read("a.csr");
        String b64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(b64);
        der[der.length - 5] ^= 0x55; // inside the signature
        Files.writeString(cli.file("tampered.csr"), "-----BEGIN CERTIFICATE REQUEST-----\n"
                + Base64.getMimeEncoder().encodeToString(der) + "\n-----END CERTIFICATE REQUEST-----\n");
        var before = cli.listing();
        var r = cli.run("sign", "tampered.csr");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("tampered.csr").contains("signature does not verify");
        assertThat(cli.listing()).isEqualTo(before);
    }

    @Test
    void notACsrAtAll() throws Exception {
        Files.writeString(cli.file("notes.txt"), "hello, this is not a CSR\n");
        var r = cli.run("sign", "notes.txt");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("notes.txt: this is neither PEM nor DER");
        csr("key", "create", "--out", "k.pem");
        var k = cli.run("sign", "k.pem");
        assertThat(k.exitCode()).isEqualTo(1);
        assertThat(k.err()).contains("k.pem: this is a private key, not a certificate signing request");
        var m = cli.run("sign", "missing.csr");
        assertThat(m.exitCode()).isEqualTo(1);
        assertThat(m.err()).contains("missing.csr: no such file");
    }

    @Test
    void truncatedAndGarbageFilesAreExplained() throws Exception {
        csr("csr", "create", "a.example.com", "--new-key", "a-key.pem", "--out", "a.csr");
        String pem = cli.read("a.csr");
        Files.writeString(cli.file("cut.csr"), pem.substring(0, pem.length() / 2));
        var cut = cli.run("sign", "cut.csr");
        assertThat(cut.exitCode()).isEqualTo(1);
        assertThat(cut.err()).contains("cut.csr").contains("truncated");
        Files.writeString(cli.file("junk.csr"), "-----BEGIN CERTIFICATE REQUEST-----\n!!!not*base64###\n-----END CERTIFICATE REQUEST-----\n");
        var junk = cli.run("sign", "junk.csr");
        assertThat(junk.exitCode()).isEqualTo(1);
        assertThat(junk.err()).contains("junk.csr").contains("damaged");
    }

    @Test
    void weakKeysAndBadNamesAreRefusedByLints() {
        Tools.run(tmp, "openssl", "req", "-new", "-newkey", "rsa:1024", "-nodes", "-keyout", "weak-key.pem",
                "-subj", "/CN=weak.example.com", "-out", "weak.csr");
        var weak = cli.run("sign", "weak.csr");
        assertThat(weak.exitCode()).isEqualTo(1);
        assertThat(weak.err()).contains("1024 bits; at least 2048 are required");
        Tools.run(tmp, "openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "ip-key.pem", "-subj", "/O=x", "-addext", "subjectAltName=DNS:10.0.0.1,DNS:www.*.example.com", "-out", "ip.csr");
        var ip = cli.run("sign", "ip.csr");
        assertThat(ip.exitCode()).isEqualTo(1);
        assertThat(ip.err()).contains("2 checks failed").contains("IP address written as a DNS name")
                .contains("wildcard").contains("--san ip:10.0.0.1");
        var badSan = cli.run("sign", "weak.csr", "--san", "exa mple.com");
        assertThat(badSan.exitCode()).isEqualTo(1);
        assertThat(badSan.err()).contains("'exa mple.com' is not a valid DNS name");
        assertThat(cli.file("weak.pem")).doesNotExist();
        assertThat(cli.file("ip.pem")).doesNotExist();
    }

    @Test
    void validityLongerThanTheIssuersIsRefused() {
        csr("csr", "create", "a.example.com", "--new-key", "a-key.pem", "--out", "a.csr");
        var r = cli.run("sign", "a.csr", "--validity", "20y");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("after the issuing CA expires").contains("--validity 18");
        assertThat(cli.file("a.pem")).doesNotExist();
    }

    @Test
    void anExistingOutputIsKeptUnlessForced() throws Exception {
        csr("csr", "create", "a.example.com", "--new-key", "a-key.pem", "--out", "a.csr");
        Files.writeString(cli.file("a-fullchain.pem"), "precious\n");
        var r = cli.run("sign", "a.csr");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("a-fullchain.pem already exists; nothing was written").contains("--force");
        assertThat(cli.read("a-fullchain.pem")).isEqualTo("precious\n");
        assertThat(cli.file("a.pem")).doesNotExist();
        var forced = cli.run("sign", "a.csr", "--force");
        assertThat(forced.exitCode()).as(forced.all()).isZero();
        assertThat(cli.read("a-fullchain.pem")).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void aCaKeyThatDoesNotMatchItsCertificateIsRefused() throws Exception {
        csr("key", "create", "--out", "other-key.pem");
        Files.copy(cli.file("other-key.pem"), cli.file("ca/intermediate-ca-key.pem"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        csr("csr", "create", "a.example.com", "--new-key", "a-key.pem", "--out", "a.csr");
        var r = cli.run("sign", "a.csr");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("private key does not belong to the certificate").contains("Intermediate CA");
        assertThat(cli.file("a.pem")).doesNotExist();
    }

    @Test
    void aMissingCaDirectoryTellsHowToCreateOne() {
        csr("csr", "create", "a.example.com", "--new-key", "a-key.pem", "--out", "a.csr");
        var r = cli.run("sign", "a.csr", "--dir", "nowhere");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("no CA directory at").contains("certa ca init --dir");
    }

    @Test
    void usageErrorsExitWithTwo() {
        var r = cli.run("sign", "--no-such-option", "a.csr");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--no-such-option'");
        var p = cli.run("sign", "a.csr", "--profile", "root-ca");
        assertThat(p.exitCode()).isEqualTo(2);
        assertThat(p.err()).contains("'root-ca' is a CA profile");
    }
}
