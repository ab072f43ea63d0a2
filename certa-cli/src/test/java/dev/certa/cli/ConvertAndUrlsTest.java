package dev.certa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertAndUrlsTest {
    @TempDir
    Path tmp;

    @Test
    void derOutAndBackIn() throws Exception {
        CliRunner cli = new CliRunner(tmp).withCa();
        cli.run("cert", "create", "a.example.com");
        var der = cli.run("convert", "a.example.com.pem", "--to", "der", "--out", "a.der");
        assertThat(der.exitCode()).as(der.all()).isZero();
        assertThat(Files.readAllBytes(cli.file("a.der"))[0]).isEqualTo((byte) 0x30);
        var parsed = Tools.run(tmp, "openssl", "x509", "-inform", "DER", "-in", "a.der", "-noout", "-subject");
        assertThat(parsed.output()).contains("CN = a.example.com");
        var back = cli.run("convert", "a.der", "--to", "pem", "--out", "a2.pem");
        assertThat(back.exitCode()).isZero();
        assertThat(cli.read("a2.pem")).isEqualTo(cli.read("a.example.com.pem"));
        var bundle = cli.run("convert", "a.example.com-fullchain.pem", "--to", "der", "--out", "b.der");
        assertThat(bundle.exitCode()).isEqualTo(2);
        assertThat(bundle.err()).contains("holds 2 objects").contains("--index");
        var second = cli.run("convert", "a.example.com-fullchain.pem", "--to", "der", "--index", "2", "--out", "b.der");
        assertThat(second.exitCode()).isZero();
        var keyDer = cli.run("convert", "a.example.com-key.pem", "--to", "der", "--out", "k.der");
        assertThat(keyDer.exitCode()).isZero();
        assertThat(Tools.run(tmp, "openssl", "pkey", "-inform", "DER", "-in", "k.der", "-noout").exitCode()).isZero();
    }

    @Test
    void caUrlsGoIntoIssuedCertificates() {
        CliRunner cli = new CliRunner(tmp).with("CERTA_PASSWORD", "pw");
        var init = cli.run("ca", "init", "--ocsp-url", "http://ocsp.example.test", "--crl-url", "http://crl.example.test/int.crl",
                "--ca-issuers-url", "http://ca.example.test/int.der");
        assertThat(init.exitCode()).as(init.all()).isZero();
        cli.run("cert", "create", "u.example.com");
        var t = Tools.run(tmp, "openssl", "x509", "-in", "u.example.com.pem", "-noout", "-ext",
                "authorityInfoAccess,crlDistributionPoints");
        assertThat(t.output()).contains("OCSP - URI:http://ocsp.example.test")
                .contains("CA Issuers - URI:http://ca.example.test/int.der")
                .contains("URI:http://crl.example.test/int.crl");
    }

    @Test
    void aCaDirectoryThatIsAFileIsExplained() throws Exception {
        CliRunner cli = new CliRunner(tmp);
        Files.writeString(cli.file("notadir"), "x");
        var r = cli.run("cert", "create", "a.example.com", "--dir", "notadir");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("the CA directory").contains("notadir").contains("cannot be read");
        var empty = tmp.resolve("empty");
        Files.createDirectory(empty);
        var e = cli.run("cert", "create", "a.example.com", "--dir", "empty");
        assertThat(e.exitCode()).isEqualTo(1);
        assertThat(e.err()).contains("holds no CA (root-ca.pem is missing)").contains("certa ca init --dir");
    }
}
