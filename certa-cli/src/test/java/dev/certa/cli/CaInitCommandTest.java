package dev.certa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaInitCommandTest {
    @TempDir
    Path tmp;

    @Test
    void createsAnEncryptedRootAndIntermediateThatOpensslAccepts() throws Exception {
        CliRunner cli = new CliRunner(tmp).with("CERTA_PASSWORD", "s3cret-pass");
        var r = cli.run("ca", "init", "--name", "Acme", "--dir", "acme-ca");
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).contains("Created a root CA and an intermediate CA")
                .contains("CN=Acme Root CA,O=Acme").contains("Root SHA-256 fingerprint:");
        Path ca = tmp.resolve("acme-ca");
        assertThat(ca.resolve("root-ca-key.pem")).content().startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertThat(ca.resolve("intermediate-ca-key.pem")).content().startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ca.resolve("root-ca-key.pem")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ca))).isEqualTo("rwx------");
        var verify = Tools.run(ca, "openssl", "verify", "-CAfile", "root-ca.pem", "intermediate-ca.pem");
        assertThat(verify.output()).contains("intermediate-ca.pem: OK");
        var key = Tools.run(ca, "openssl", "pkey", "-in", "root-ca-key.pem", "-passin", "pass:s3cret-pass", "-noout");
        assertThat(key.exitCode()).as(key.output()).isZero();
        var text = Tools.run(ca, "openssl", "x509", "-in", "intermediate-ca.pem", "-noout", "-text");
        assertThat(text.output()).contains("CA:TRUE, pathlen:0").contains("Certificate Sign, CRL Sign");
    }

    @Test
    void refusesToStoreKeysUnencryptedUnlessAskedAndWritesNothing() {
        CliRunner cli = new CliRunner(tmp);
        var r = cli.run("ca", "init");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("must be protected by a password").contains("--password-file").contains("--no-password");
        assertThat(cli.listing()).isEmpty();
        var ok = cli.run("ca", "init", "--no-password");
        assertThat(ok.exitCode()).as(ok.all()).isZero();
        assertThat(ok.out()).contains("UNENCRYPTED");
        assertThat(cli.read("ca/root-ca-key.pem")).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void aSecondInitDoesNotReplaceTheCa() throws Exception {
        CliRunner cli = new CliRunner(tmp).withCa();
        String root = cli.read("ca/root-ca.pem");
        var r = cli.run("ca", "init");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("a CA already exists").contains("--force");
        assertThat(cli.read("ca/root-ca.pem")).isEqualTo(root);
    }

    @Test
    void passwordFromAFileAndTheKeyTypeOption() {
        CliRunner cli = new CliRunner(tmp);
        cli.run("--help");
        var pw = cli.file("pw.txt");
        try {
            Files.writeString(pw, "from-a-file\n");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        var r = cli.run("ca", "init", "--key-type", "rsa2048", "--password-file", "pw.txt", "--no-intermediate");
        assertThat(r.exitCode()).as(r.all()).isZero();
        var t = Tools.run(tmp.resolve("ca"), "openssl", "pkey", "-in", "root-ca-key.pem", "-passin", "pass:from-a-file", "-noout", "-text");
        assertThat(t.output()).contains("Private-Key: (2048 bit");
        assertThat(cli.file("ca/intermediate-ca.pem")).doesNotExist();
    }

    @Test
    void unknownKeyTypeAndBadDurationAreExplained() {
        CliRunner cli = new CliRunner(tmp).with("CERTA_PASSWORD", "x");
        var r = cli.run("ca", "init", "--key-type", "dsa");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("unknown key type 'dsa'").contains("p256, p384, rsa2048");
        var d = cli.run("ca", "init", "--root-validity", "ten years");
        assertThat(d.exitCode()).isEqualTo(2);
        assertThat(d.err()).contains("--root-validity 'ten years' is not a duration");
        assertThat(cli.listing()).isEmpty();
    }

    @Test
    void intermediateWithNameConstraints() {
        CliRunner cli = new CliRunner(tmp).withCa();
        var r = cli.run("ca", "intermediate", "Payments", "--permit", "pay.example.com");
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).contains("Created intermediate 'payments'");
        var text = Tools.run(tmp.resolve("ca"), "openssl", "x509", "-in", "intermediate-payments.pem", "-noout", "-text");
        assertThat(text.output()).contains("Permitted:").contains("DNS:pay.example.com");
        var ok = cli.run("cert", "create", "api.pay.example.com", "--intermediate", "payments");
        assertThat(ok.exitCode()).as(ok.all()).isZero();
        var refused = cli.run("cert", "create", "api.other.com", "--intermediate", "payments");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("may not sign for DNS:api.other.com");
        var missing = cli.run("sign", "x.csr", "--intermediate", "nope");
        assertThat(missing.exitCode()).isEqualTo(1);
    }

    /** Finding: `ca init --key-type ed25519` succeeded silently, though Chromium and NSS refuse such a CA. */
    @Test
    void anEd25519CaIsMadeWithAWarningNamingTheClientsThatRefuseIt() {
        CliRunner cli = new CliRunner(tmp).with("CERTA_PASSWORD", "s3cret-pass");
        var r = cli.run("ca", "init", "--key-type", "ed25519");
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).contains("Warning: the CA keys are Ed25519: browsers refuse Ed25519 certificates", "Chromium",
                "NSS/Firefox cannot even import an Ed25519 root");
    }
}
