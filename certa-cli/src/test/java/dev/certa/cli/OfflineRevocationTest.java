package dev.certa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certa.core.testing.Tools;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline CA's ledger, 'certa revoke --dir', 'certa certs --dir' and 'certa crl', checked by
 * openssl as a relying party that checks the whole chain (-crl_check_all, as nginx does).
 */
class OfflineRevocationTest {
    @TempDir
    static Path tmp;

    static CliRunner cli;

    @BeforeAll
    static void ca() {
        cli = new CliRunner(tmp).withCa();
    }

    private static CliRunner.Result ok(String... args) {
        var r = cli.run(args);
        assertThat(r.exitCode()).as(r.all()).isZero();
        return r;
    }

    private static String serial(String certFile) {
        var r = Tools.run(tmp, "openssl", "x509", "-in", certFile, "-noout", "-serial");
        return r.output().trim().replace("serial=", "").replaceFirst("^0+", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static Tools.Result verify(String intermediate, String leaf) {
        return Tools.run(tmp, "openssl", "verify", "-crl_check_all", "-CAfile", "ca/root-ca.pem", "-untrusted", intermediate,
                "-CRLfile", "ca/crl/crls.pem", leaf);
    }

    @Test
    void certsListsAndSearchesWhatTheOfflineCaIssued() throws Exception {
        ok("cert", "create", "list.ledger.test", "--validity", "30d");
        ok("cert", "create", "alice@ledger.test", "--profile", "client", "--file-name", "alice");

        var byName = ok("certs", "--dir", "ca", "--name", "list.ledger");
        assertThat(byName.out()).contains(serial("list.ledger.test.pem")).contains("valid").contains("DNS:list.ledger.test")
                .doesNotContain("alice").contains("1 certificate in");
        var intermediates = ok("certs", "--dir", "ca", "--name", "Test Intermediate CA");
        assertThat(intermediates.out()).contains(serial("ca/intermediate-ca.pem")).contains(" root ");

        JsonNode json = new ObjectMapper().readTree(ok("certs", "--dir", "ca", "--name", "alice@ledger.test", "--json").out());
        JsonNode alice = json.get("certificates").get(0);
        assertThat(alice.get("serial").asText()).isEqualTo(serial("alice.pem"));
        assertThat(alice.get("profile").asText()).isEqualTo("client");
        assertThat(alice.get("issuer").asText()).isEqualTo("ca");
        assertThat(alice.get("names").get(0).asText()).isEqualTo("email:alice@ledger.test");
        assertThat(alice.get("status").asText()).isEqualTo("valid");

        assertThat(ok("certs", "--dir", "ca", "--expiring-within", "31d").out()).contains("DNS:list.ledger.test").doesNotContain("alice");
        Clock now = cli.clock;
        try {
            cli.clock = Clock.offset(now, Duration.ofDays(40));
            assertThat(ok("certs", "--dir", "ca", "--status", "expired").out()).contains("DNS:list.ledger.test").doesNotContain("alice");
            assertThat(ok("certs", "--dir", "ca", "--status", "valid").out()).contains("email:alice@ledger.test")
                    .doesNotContain("list.ledger.test");
        } finally {
            cli.clock = now;
        }
        var bad = cli.run("certs", "--dir", "ca", "--status", "lost");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--status 'lost' is not a status").contains("valid, revoked or expired");
    }

    @Test
    void revokingTwiceSaysTheFirstRevocationStands() {
        ok("cert", "create", "twice.ledger.test");
        String serial = serial("twice.ledger.test.pem");
        var first = ok("revoke", serial, "--dir", "ca", "--reason", "keyCompromise");
        assertThat(first.out()).contains("Revoked serial " + serial + " (DNS:twice.ledger.test, issued by intermediate 'ca')")
                .contains("reason keyCompromise").contains("certa crl --dir");
        var second = ok("revoke", "--cert", "twice.ledger.test.pem", "--dir", "ca", "--reason", "superseded");
        assertThat(second.out()).contains("Already revoked: serial " + serial).contains("(keyCompromise); the first revocation stands");
        assertThat(ok("certs", "--dir", "ca", "--name", "twice.ledger.test", "--status", "revoked").out()).contains(serial);
    }

    @Test
    void anUnknownSerialIsAClearErrorNamingTheCaDirectory() {
        var r = cli.run("revoke", "5f3a0011", "--dir", "ca", "--reason", "keyCompromise");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("the CA in " + tmp.resolve("ca") + " has no record of a certificate with serial 5f3a0011")
                .contains("certa certs --dir").doesNotContain("Exception");
        var notHex = cli.run("revoke", "serial-5", "--dir", "ca");
        assertThat(notHex.exitCode()).isEqualTo(2);
        assertThat(notHex.err()).contains("'serial-5' is not a serial number in hex");
    }

    @Test
    void opensslTrustsAGoodLeafAndRefusesARevokedOneWithCertasCrls() {
        ok("cert", "create", "good.ledger.test");
        ok("cert", "create", "stolen.ledger.test");
        ok("revoke", "--cert", "stolen.ledger.test.pem", "--dir", "ca", "--reason", "keyCompromise");
        var crl = ok("crl", "--dir", "ca", "--next-update", "7d");
        assertThat(crl.out()).contains("root-ca.crl").contains("intermediate-ca.crl").contains("crls.pem");

        assertThat(verify("ca/intermediate-ca.pem", "good.ledger.test.pem").output()).contains("good.ledger.test.pem: OK");
        var revoked = verify("ca/intermediate-ca.pem", "stolen.ledger.test.pem");
        assertThat(revoked.exitCode()).isNotZero();
        assertThat(revoked.output()).contains("certificate revoked");

        var text = Tools.run(tmp, "openssl", "crl", "-in", "ca/crl/intermediate-ca.crl", "-inform", "DER", "-noout", "-text");
        assertThat(text.output()).contains("Version 2").contains("X509v3 CRL Number").contains("X509v3 Authority Key Identifier")
                .contains(serial("stolen.ledger.test.pem").toUpperCase(java.util.Locale.ROOT))
                .contains("Key Compromise").contains("Next Update");
    }

    @Test
    void anIntermediateRevokedByTheRootMakesEveryCertificateBelowItRevoked() {
        ok("ca", "intermediate", "team");
        ok("cert", "create", "team.ledger.test", "--intermediate", "team");
        ok("crl", "--dir", "ca");
        assertThat(verify("ca/intermediate-team.pem", "team.ledger.test.pem").output()).contains("team.ledger.test.pem: OK");

        var r = ok("revoke", "--cert", "ca/intermediate-team.pem", "--dir", "ca", "--reason", "cACompromise");
        assertThat(r.out()).contains("issued by the root");
        ok("crl", "--dir", "ca");
        var revoked = verify("ca/intermediate-team.pem", "team.ledger.test.pem");
        assertThat(revoked.exitCode()).isNotZero();
        assertThat(revoked.output()).contains("certificate revoked");
        var root = Tools.run(tmp, "openssl", "crl", "-in", "ca/crl/root-ca.crl.pem", "-noout", "-text");
        assertThat(root.output()).contains(serial("ca/intermediate-team.pem").toUpperCase(java.util.Locale.ROOT))
                .contains("CA Compromise");
    }

    @Test
    void eachCrlOfACaHasALargerNumberThanTheLast() {
        ok("crl", "--dir", "ca", "--out-dir", "numbers-1");
        ok("crl", "--dir", "ca", "--out-dir", "numbers-2");
        for (String ca : new String[] {"root-ca", "intermediate-ca"}) {
            long first = crlNumber("numbers-1/" + ca + ".crl");
            long second = crlNumber("numbers-2/" + ca + ".crl");
            assertThat(second).as(ca).isGreaterThan(first);
        }
    }

    private static long crlNumber(String file) {
        var r = Tools.run(tmp, "openssl", "crl", "-in", file, "-inform", "DER", "-noout", "-crlnumber");
        return Long.parseLong(r.output().trim().replace("crlNumber=", "").replace("0x", ""), 16);
    }
}
