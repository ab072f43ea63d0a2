package dev.certa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertCreateCommandTest {
    @TempDir
    Path tmp;

    @Test
    void mkcertStyleCertificateForLocalhostAndIps() throws Exception {
        CliRunner cli = new CliRunner(tmp).withCa();
        var r = cli.run("cert", "create", "localhost", "127.0.0.1", "::1");
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).contains("DNS:localhost, IP:127.0.0.1, IP:::1");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cli.file("localhost+2-key.pem"))))
                .isEqualTo("rw-------");
        var v = Tools.run(tmp, "openssl", "verify", "-CAfile", "ca/root-ca.pem", "-untrusted", "localhost+2-fullchain.pem",
                "-verify_ip", "127.0.0.1", "localhost+2.pem");
        assertThat(v.output()).contains("localhost+2.pem: OK");
        var k = Tools.run(tmp, "openssl", "pkey", "-in", "localhost+2-key.pem", "-pubout");
        var c = Tools.run(tmp, "openssl", "x509", "-in", "localhost+2.pem", "-noout", "-pubkey");
        assertThat(k.output()).isEqualTo(c.output());
    }

    @Test
    void wildcardAndEveryKeyType() {
        CliRunner cli = new CliRunner(tmp).withCa();
        for (String type : new String[] {"p384", "rsa3072", "ed25519"}) {
            var r = cli.run("cert", "create", "*.dev.example.com", "--key-type", type, "--file-name", "w-" + type);
            assertThat(r.exitCode()).as(r.all()).isZero();
            var v = Tools.run(tmp, "openssl", "verify", "-CAfile", "ca/root-ca.pem", "-untrusted", "ca/intermediate-ca.pem",
                    "-verify_hostname", "api.dev.example.com", "w-" + type + ".pem");
            assertThat(v.output()).as(type).contains("OK");
        }
        var mk = cli.run("cert", "create", "*.example.org");
        assertThat(mk.exitCode()).isZero();
        assertThat(cli.file("_wildcard.example.org.pem")).exists();
    }

    @Test
    void anEmailNameWritesFilesWithAnUnderscoreAndPrintsTheirNames() {
        // the README once promised alice@acme.test.pem: the command now says which files it wrote
        CliRunner cli = new CliRunner(tmp).withCa();
        var r = cli.run("cert", "create", "alice@acme.test", "--profile", "client");
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).contains(tmp.resolve("alice_acme.test.pem").toString(),
                tmp.resolve("alice_acme.test-key.pem").toString(), tmp.resolve("alice_acme.test-fullchain.pem").toString())
                .doesNotContain("serve");
        assertThat(cli.file("alice_acme.test.pem")).exists();
        assertThat(cli.file("alice@acme.test.pem")).doesNotExist();
    }

    @Test
    void selfSignedNeedsNoCa() {
        CliRunner cli = new CliRunner(tmp);
        var r = cli.run("cert", "create", "--self-signed", "dev.local");
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).contains("local development only");
        assertThat(cli.file("dev.local-fullchain.pem")).doesNotExist();
        var v = Tools.run(tmp, "openssl", "verify", "-CAfile", "dev.local.pem", "dev.local.pem");
        assertThat(v.output()).contains("dev.local.pem: OK");
    }

    @Test
    void invalidNamesAreRefusedBeforeAnythingIsWritten() {
        CliRunner cli = new CliRunner(tmp).withCa();
        var before = cli.listing();
        var r = cli.run("cert", "create", "good.example.com", "bad_-.exa mple");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("is not a valid DNS name");
        var ip = cli.run("cert", "create", "ip:300.1.1.1");
        assertThat(ip.exitCode()).isEqualTo(1);
        assertThat(ip.err()).contains("'300.1.1.1' is not an IP address");
        assertThat(cli.listing()).isEqualTo(before);
    }

    /** Finding: an Ed25519 certificate was created silently, though browsers refuse it. */
    @Test
    void anEd25519CertificateIsMadeWithAWarningNamingTheClientsThatRefuseIt() {
        CliRunner cli = new CliRunner(tmp).withCa();
        var r = cli.run("cert", "create", "ed.example.com", "--key-type", "ed25519");
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).contains("Warning: the key is Ed25519: browsers refuse Ed25519 certificates (Chromium:",
                "NSS/Firefox", "Use --key-type p256 for anything a browser will see.");
        var p256 = cli.run("cert", "create", "ec.example.com");
        assertThat(p256.out()).doesNotContain("Ed25519");
    }
}
