package dev.certa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyAndExportCommandTest {
    @TempDir
    Path tmp;

    private static String keytool() {
        return Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    }

    @Test
    void keyCreatePlainAndEncrypted() {
        CliRunner cli = new CliRunner(tmp);
        var plain = cli.run("key", "create", "--type", "rsa2048", "--out", "k.pem");
        assertThat(plain.exitCode()).as(plain.all()).isZero();
        assertThat(plain.out()).contains("RSA 2048").contains("unencrypted");
        assertThat(Tools.run(tmp, "openssl", "pkey", "-in", "k.pem", "-noout").exitCode()).isZero();
        var enc = cli.with("CERTA_PASSWORD", "pw-123").run("key", "create", "--encrypt", "--out", "e.pem");
        assertThat(enc.exitCode()).as(enc.all()).isZero();
        assertThat(Tools.run(tmp, "openssl", "pkey", "-in", "e.pem", "-passin", "pass:pw-123", "-noout").exitCode()).isZero();
        assertThat(Tools.run(tmp, "openssl", "pkey", "-in", "e.pem", "-passin", "pass:nope", "-noout").exitCode()).isNotZero();
        var again = cli.run("key", "create", "--out", "k.pem");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("k.pem already exists");
    }

    @Test
    void exportPkcs12AndJksThatKeytoolLists() {
        CliRunner cli = new CliRunner(tmp).withCa();
        assertThat(cli.run("cert", "create", "app.example.com").exitCode()).isZero();
        var p12 = cli.with("CERTA_KEYSTORE_PASSWORD", "store-pass").run("export", "pkcs12", "--cert", "app.example.com-fullchain.pem",
                "--key", "app.example.com-key.pem", "--out", "app.p12", "--alias", "app");
        assertThat(p12.exitCode()).as(p12.all()).isZero();
        var list = Tools.run(tmp, keytool(), "-list", "-v", "-keystore", "app.p12", "-storepass", "store-pass", "-storetype", "PKCS12");
        assertThat(list.output()).contains("Alias name: app").contains("PrivateKeyEntry").contains("Certificate chain length: 2");
        var jks = cli.run("export", "jks", "--cert", "app.example.com.pem", "--chain", "ca/ca-chain.pem",
                "--key", "app.example.com-key.pem", "--out", "app.jks");
        assertThat(jks.exitCode()).as(jks.all()).isZero();
        var jl = Tools.run(tmp, keytool(), "-list", "-keystore", "app.jks", "-storepass", "store-pass", "-storetype", "JKS");
        assertThat(jl.output()).contains("PrivateKeyEntry");
        var ossl = Tools.run(tmp, "openssl", "pkcs12", "-in", "app.p12", "-passin", "pass:store-pass", "-nokeys", "-info");
        assertThat(ossl.output()).contains("subject=CN = app.example.com");
    }

    @Test
    void truststoreThatKeytoolLists() {
        CliRunner cli = new CliRunner(tmp).withCa();
        var r = cli.with("CERTA_KEYSTORE_PASSWORD", "changeit").run("export", "truststore", "ca/root-ca.pem", "--out", "trust.p12");
        assertThat(r.exitCode()).as(r.all()).isZero();
        var list = Tools.run(tmp, keytool(), "-list", "-keystore", "trust.p12", "-storepass", "changeit");
        assertThat(list.output()).contains("trustedCertEntry").contains("test root ca");
        var jks = cli.run("export", "truststore", "ca/root-ca.pem", "--format", "jks", "--out", "trust.jks");
        assertThat(jks.exitCode()).isZero();
        assertThat(Tools.run(tmp, keytool(), "-list", "-keystore", "trust.jks", "-storepass", "changeit").output())
                .contains("trustedCertEntry");
    }

    @Test
    void exportsNeverReuseTheCaKeysPasswordFromCertaPassword() throws Exception {
        // the walk-through sets CERTA_PASSWORD for the CA key; a keystore must not silently get that password
        CliRunner cli = new CliRunner(tmp).withCa();
        assertThat(cli.run("cert", "create", "app.example.com").exitCode()).isZero();
        var p12 = cli.run("export", "pkcs12", "--cert", "app.example.com-fullchain.pem", "--key", "app.example.com-key.pem",
                "--out", "app.p12");
        assertThat(p12.exitCode()).as(p12.all()).isEqualTo(2);
        assertThat(p12.err()).contains("the keystore must be protected by a password and none was given",
                "CERTA_PASSWORD is set, but it is the CA key's password and is not used here",
                "--out-password-file FILE", "CERTA_KEYSTORE_PASSWORD");
        var trust = cli.run("export", "truststore", "ca/root-ca.pem", "--out", "trust.p12");
        assertThat(trust.exitCode()).as(trust.all()).isEqualTo(2);
        assertThat(trust.err()).contains("the truststore must be protected by a password", "CERTA_KEYSTORE_PASSWORD");
        assertThat(cli.file("app.p12")).doesNotExist();
        assertThat(cli.file("trust.p12")).doesNotExist();

        Files.writeString(cli.file("store.txt"), "own-store-pass\n");
        var own = cli.run("export", "pkcs12", "--cert", "app.example.com-fullchain.pem", "--key", "app.example.com-key.pem",
                "--out", "app.p12", "--out-password-file", "store.txt");
        assertThat(own.exitCode()).as(own.all()).isZero();
        var list = Tools.run(tmp, keytool(), "-list", "-keystore", "app.p12", "-storepass", "own-store-pass", "-storetype", "PKCS12");
        assertThat(list.output()).contains("PrivateKeyEntry");
        var caPass = Tools.run(tmp, keytool(), "-list", "-keystore", "app.p12", "-storepass", "correct horse battery staple",
                "-storetype", "PKCS12");
        assertThat(caPass.exitCode()).isNotZero();
    }

    @Test
    void exportRefusesAKeyThatIsNotTheCertificates() throws Exception {
        CliRunner cli = new CliRunner(tmp).withCa();
        cli.run("cert", "create", "a.example.com");
        cli.run("key", "create", "--out", "other.pem");
        var r = cli.run("export", "pkcs12", "--cert", "a.example.com.pem", "--key", "other.pem", "--out", "a.p12");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("other.pem is not the key of the certificate");
        assertThat(cli.file("a.p12")).doesNotExist();
        Files.writeString(cli.file("x.txt"), "x");
        var cert = cli.run("export", "pkcs12", "--cert", "a.example.com-key.pem", "--key", "other.pem", "--out", "a.p12");
        assertThat(cert.exitCode()).isEqualTo(1);
        assertThat(cert.err()).contains("this is a private key, not a certificate");
    }
}
