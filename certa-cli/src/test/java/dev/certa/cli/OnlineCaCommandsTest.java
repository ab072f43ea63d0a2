package dev.certa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.pem.PemReader;
import dev.certa.server.CertaServer;
import dev.certa.server.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI against a running online CA: token, sign --server, renew over mTLS (once and in a loop),
 * certs, revoke, audit verify, and serve's configuration errors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnlineCaCommandsTest {
    @TempDir
    static Path dir;
    private CertaServer server;
    private CliRunner certa;
    private String url;

    @BeforeAll
    void start() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("certa.conf"), "https-port = 0\nhttp-port = 0\n");
        server = CertaServer.start(new ConfigLoader(data, Optional.empty(), Map.of()).load().config(), Clock.systemUTC(), new SecureRandom());
        url = server.info().httpsUrl().toString();
        certa = new CliRunner(dir).with("CERTA_SERVER", url).with("CERTA_ROOT", "data/ca/root-ca.pem");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private String token(String... names) {
        String[] args = new String[names.length + 6];
        args[0] = "token";
        System.arraycopy(names, 0, args, 1, names.length);
        System.arraycopy(new String[] {"--key", "data/provisioners/default.key.pem", "--ca-url", url}, 0, args, names.length + 1, 4);
        args[names.length + 5] = "--ttl=5m";
        CliRunner.Result r = certa.run(args);
        assertThat(r.exitCode()).as(r.all()).isZero();
        return r.out().trim();
    }

    private X509Certificate cert(String file) throws Exception {
        return PemReader.readCertificates(Files.readAllBytes(dir.resolve(file)), file).get(0);
    }

    @Test
    void tokenSignRenewCertsRevokeAndTheAuditLogVerifies() throws Exception {
        assertThat(certa.run("csr", "create", "app.example", "--new-key", "app-key.pem", "--out", "app.csr").exitCode()).isZero();
        CliRunner.Result signed = certa.run("sign", "app.csr", "--server", url, "--token", token("app.example"));
        assertThat(signed.exitCode()).as(signed.all()).isZero();
        assertThat(signed.out()).contains("Issued by " + url, "app.pem", "app-fullchain.pem");
        X509Certificate first = cert("app.pem");
        assertThat(first.getSubjectAlternativeNames().iterator().next().get(1)).isEqualTo("app.example");

        CliRunner.Result renewed = certa.run("renew", "--cert", "app-fullchain.pem", "--key", "app-key.pem");
        assertThat(renewed.exitCode()).as(renewed.all()).isZero();
        X509Certificate second = cert("app-fullchain.pem");
        assertThat(second.getSerialNumber()).isNotEqualTo(first.getSerialNumber());
        assertThat(renewed.out()).contains("Renewed", second.getSerialNumber().toString(16));

        CliRunner.Result listed = certa.run("certs", "--admin-token-file", "data/admin-token", "--name", "app.example");
        assertThat(listed.exitCode()).as(listed.all()).isZero();
        assertThat(listed.out()).contains(first.getSerialNumber().toString(16), second.getSerialNumber().toString(16), "dns:app.example",
                "2 certificates");

        CliRunner.Result revoked = certa.run("revoke", second.getSerialNumber().toString(16), "--reason", "keyCompromise",
                "--admin-token-file", "data/admin-token");
        assertThat(revoked.exitCode()).as(revoked.all()).isZero();
        assertThat(revoked.out()).contains(": revoked");
        CliRunner.Result refused = certa.run("renew", "--cert", "app-fullchain.pem", "--key", "app-key.pem");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("the CA refused (403 certificate-revoked)").doesNotContain("Exception");

        CliRunner.Result audit = certa.run("audit", "verify", "data/audit.log");
        assertThat(audit.exitCode()).as(audit.all()).isZero();
        assertThat(audit.out()).contains("intact");
    }

    @Test
    void aTokenOnTheCommandLineStillWorksButWarnsThatOtherUsersCanReadIt() throws Exception {
        certa.run("csr", "create", "argv.example", "--new-key", "argv-key.pem", "--out", "argv.csr");
        CliRunner.Result r = certa.run("sign", "argv.csr", "--token", token("argv.example"));
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.err()).contains("warning: a token given with --token can be read by other users of this machine",
                "--token-file FILE, --token - (standard input) or CERTA_TOKEN");
    }

    @Test
    void aTokenFromAFileFromStandardInputOrFromTheEnvironmentNeverTouchesTheCommandLine() throws Exception {
        certa.run("csr", "create", "quiet.example", "--new-key", "quiet-key.pem", "--out", "quiet.csr");
        Files.writeString(dir.resolve("token.txt"), token("quiet.example") + "\n");
        CliRunner.Result fromFile = certa.run("sign", "quiet.csr", "--token-file", "token.txt", "--out", "q1.pem", "--fullchain-out", "q1-full.pem");
        assertThat(fromFile.exitCode()).as(fromFile.all()).isZero();
        assertThat(fromFile.err()).doesNotContain("warning");
        assertThat(cert("q1.pem").getSubjectAlternativeNames().iterator().next().get(1)).isEqualTo("quiet.example");

        CliRunner piped = new CliRunner(dir).with("CERTA_SERVER", url).with("CERTA_ROOT", "data/ca/root-ca.pem")
                .withStdin(token("quiet.example") + "\n");
        CliRunner.Result fromStdin = piped.run("sign", "quiet.csr", "--token", "-", "--out", "q2.pem", "--fullchain-out", "q2-full.pem");
        assertThat(fromStdin.exitCode()).as(fromStdin.all()).isZero();
        assertThat(fromStdin.err()).doesNotContain("warning");
        piped.withStdin(token("quiet.example"));
        CliRunner.Result fromStdinFile = piped.run("sign", "quiet.csr", "--token-file", "-", "--out", "q3.pem", "--fullchain-out", "q3-full.pem");
        assertThat(fromStdinFile.exitCode()).as(fromStdinFile.all()).isZero();

        CliRunner.Result fromEnv = new CliRunner(dir).with("CERTA_SERVER", url).with("CERTA_ROOT", "data/ca/root-ca.pem")
                .with("CERTA_TOKEN", token("quiet.example")).run("sign", "quiet.csr", "--out", "q4.pem", "--fullchain-out", "q4-full.pem");
        assertThat(fromEnv.exitCode()).as(fromEnv.all()).isZero();
        assertThat(fromEnv.err()).doesNotContain("warning");

        CliRunner.Result empty = new CliRunner(dir).with("CERTA_SERVER", url).with("CERTA_ROOT", "data/ca/root-ca.pem")
                .run("sign", "quiet.csr", "--token", "-", "--out", "q5.pem", "--fullchain-out", "q5-full.pem");
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).contains("the token from standard input is empty");
        CliRunner.Result both = certa.run("sign", "quiet.csr", "--token", "-", "--token-file", "token.txt");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--token and --token-file cannot be used together");
    }

    @Test
    void certsPagesPastOnePageWithAllOrAfter() throws Exception {
        List<String> serials = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            assertThat(certa.run("csr", "create", "page.example", "--new-key", "page-key" + i + ".pem", "--out", "page" + i + ".csr")
                    .exitCode()).isZero();
            CliRunner.Result signed = certa.run("sign", "page" + i + ".csr", "--server", url, "--token", token("page.example"),
                    "--out", "page" + i + ".pem");
            assertThat(signed.exitCode()).as(signed.all()).isZero();
            serials.add(cert("page" + i + ".pem").getSerialNumber().toString(16));
        }

        CliRunner.Result first = certa.run("certs", "--admin-token-file", "data/admin-token", "--name", "page.example", "--limit", "2");
        assertThat(first.exitCode()).as(first.all()).isZero();
        assertThat(first.out()).contains("2 certificates (more: --after ");
        String next = first.out().replaceAll("(?s).*--after ([0-9a-f]+).*", "$1");
        CliRunner.Result rest = certa.run("certs", "--admin-token-file", "data/admin-token", "--name", "page.example", "--limit", "2",
                "--after", next);
        assertThat(rest.exitCode()).as(rest.all()).isZero();
        assertThat(rest.out()).contains("1 certificate").doesNotContain("more:");
        assertThat(serials).allSatisfy(s -> assertThat(first.out().contains(s) ^ rest.out().contains(s)).as(s).isTrue());

        CliRunner.Result all = certa.run("certs", "--admin-token-file", "data/admin-token", "--name", "page.example", "--limit", "2",
                "--all");
        assertThat(all.exitCode()).as(all.all()).isZero();
        assertThat(all.out()).contains(serials.toArray(String[]::new)).contains("3 certificates").doesNotContain("more:");
    }

    @Test
    void renewInALoopRenewsAtTwoThirdsOfTheLifetimeAndStopsWhenAsked() throws Exception {
        certa.run("csr", "create", "loop.example", "--new-key", "loop-key.pem", "--out", "loop.csr");
        assertThat(certa.run("sign", "loop.csr", "--token", token("loop.example"), "--validity", "10s").exitCode()).isZero();
        // 10 s of validity, backdated 5 minutes: two thirds of the lifetime are already past, so it renews at once, twice
        CliRunner.Result r = certa.run("renew", "--cert", "loop.pem", "--key", "loop-key.pem", "--loop", "--max-renewals", "2");
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out().lines().filter(l -> l.startsWith("Renewed"))).hasSize(2);
    }

    @Test
    void aReplayedTokenAndAWrongRootAreClearErrors() throws Exception {
        certa.run("csr", "create", "twice.example", "--new-key", "twice-key.pem", "--out", "twice.csr");
        String t = token("twice.example");
        assertThat(certa.run("sign", "twice.csr", "--token", t).exitCode()).isZero();
        CliRunner.Result again = certa.run("sign", "twice.csr", "--token", t, "--out", "twice2.pem", "--fullchain-out", "twice2-full.pem");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("token-replayed", "mint a new one");
        assertThat(dir.resolve("twice2.pem")).doesNotExist();

        certa.run("ca", "init", "--dir", "other-ca", "--no-password", "--name", "Other");
        CliRunner.Result wrongRoot = certa.run("sign", "twice.csr", "--token", token("twice.example"), "--root", "other-ca/root-ca.pem",
                "--out", "x.pem", "--fullchain-out", "x-full.pem");
        assertThat(wrongRoot.exitCode()).isEqualTo(1);
        assertThat(wrongRoot.err()).contains("TLS handshake", "--root");
    }

    @Test
    void serveExplainsItsConfigurationAndRefusesBadValuesNamingTheKey() throws Exception {
        Path data = Files.createDirectories(dir.resolve("cfg"));
        CliRunner printing = new CliRunner(dir).with("CERTA_DATABASE_PASSWORD", "s3cret-value").with("CERTA_HTTPS_PORT", "9443");
        CliRunner.Result printed = printing.run("serve", "--data", "cfg", "--print-config");
        assertThat(printed.exitCode()).as(printed.all()).isZero();
        assertThat(printed.out()).contains("https-port = 9443", "from CERTA_HTTPS_PORT", "http-port = 8080", "database.url = sqlite:",
                "database.password = (set, not shown)").doesNotContain("s3cret-value");
        Files.writeString(data.resolve("certa.conf"), "https-port = many\n");
        CliRunner.Result bad = certa.run("serve", "--data", "cfg");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("https-port", "'many'", "certa.conf").doesNotContain("Exception");
        Files.writeString(data.resolve("certa.conf"), "htps-port = 1\n");
        assertThat(certa.run("serve", "--data", "cfg").err()).contains("htps-port", "is not a certa serve setting");
    }

    @Test
    void acmeEabKeysAreMadeAndListedAndRenewalsPulledForward() throws Exception {
        CliRunner.Result added = certa.run("acme", "eab", "add", "--label", "team web", "--admin-token-file", "data/admin-token");
        assertThat(added.exitCode()).as(added.all()).isZero();
        String kid = added.out().lines().filter(l -> l.startsWith("Key id:")).findFirst().orElseThrow().substring(7).trim();
        String mac = added.out().lines().filter(l -> l.startsWith("MAC key:")).findFirst().orElseThrow().substring(8).trim().split(" ")[0];
        assertThat(mac).matches("[A-Za-z0-9_-]{43}");
        assertThat(added.out()).contains("--eab-kid " + kid + " --eab-hmac-key " + mac, "/acme/directory");

        CliRunner.Result listed = certa.run("acme", "eab", "list", "--admin-token-file", "data/admin-token");
        assertThat(listed.exitCode()).as(listed.all()).isZero();
        assertThat(listed.out()).contains(kid, "team web", "unused").doesNotContain(mac);
        assertThat(certa.run("acme", "eab", "list").err()).contains("needs the admin token");
        CliRunner.Result revoked = certa.run("acme", "eab", "revoke", kid, "--admin-token-file", "data/admin-token");
        assertThat(revoked.exitCode()).as(revoked.all()).isZero();
        assertThat(revoked.out()).contains("Revoked External Account Binding key " + kid, "It had bound no account");
        assertThat(certa.run("acme", "eab", "list", "--admin-token-file", "data/admin-token").out()).contains(kid, "revoked");
        CliRunner.Result unknownKey = certa.run("acme", "eab", "revoke", "no-such-key", "--admin-token-file", "data/admin-token");
        assertThat(unknownKey.exitCode()).isNotZero();
        assertThat(unknownKey.err()).contains("no External Account Binding key 'no-such-key'").doesNotContain("Exception");
        assertThat(certa.run("acme", "eab", "revoke", "bad/id", "--admin-token-file", "data/admin-token").err()).contains("is not a key id");
        CliRunner.Result accounts = certa.run("acme", "accounts", "--admin-token-file", "data/admin-token");
        assertThat(accounts.exitCode()).as(accounts.all()).isZero();
        assertThat(accounts.out()).contains("ACCOUNT", "STATUS", "0 accounts"); // none made here (AcmeAccountsAdminTest lists real ones)
        CliRunner.Result noToken = certa.run("acme", "accounts");
        assertThat(noToken.exitCode()).isNotZero();
        assertThat(noToken.err()).contains("needs the admin token");

        certa.run("csr", "create", "early.example", "--new-key", "early-key.pem", "--out", "early.csr");
        assertThat(certa.run("sign", "early.csr", "--token", token("early.example")).exitCode()).isZero();
        String serial = cert("early.pem").getSerialNumber().toString(16);
        CliRunner.Result early = certa.run("acme", "renew-early", serial, "--explanation", "https://ca.example/incident",
                "--admin-token-file", "data/admin-token");
        assertThat(early.exitCode()).as(early.all()).isZero();
        assertThat(early.out()).contains(serial + ": renew now");
        CliRunner.Result unknown = certa.run("acme", "renew-early", "abcdef", "--admin-token-file", "data/admin-token");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("unknown-serial", "abcdef").doesNotContain("Exception");
    }
}
