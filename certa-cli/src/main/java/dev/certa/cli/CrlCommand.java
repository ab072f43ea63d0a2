package dev.certa.cli;

import dev.certa.core.ca.CaCrls;
import dev.certa.core.ca.CaDirectory;
import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.io.Durations;
import dev.certa.core.io.OutputFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "crl", mixinStandardHelpOptions = true,
        description = {"Sign a fresh CRL for each CA of an offline CA directory, from its ledger:",
            "the root's lists the intermediates it revoked, each intermediate's the certificates it revoked.",
            "Writes NAME.crl (DER, what clients download), NAME.crl.pem and crls.pem (every CRL, for nginx",
            "ssl_crl and openssl -CRLfile). Run it after each 'certa revoke --dir' and before nextUpdate.",
            "Example: certa crl --dir ~/.certa --next-update 7d"})
final class CrlCommand extends BaseCommand {
    @Option(names = "--dir", paramLabel = "DIR", description = "CA directory (default: $CERTA_HOME or ~/.certa).")
    Optional<String> dir = Optional.empty();

    @Option(names = "--next-update", defaultValue = "7d", paramLabel = "DURATION",
            description = "How long the CRLs stay current (default: ${DEFAULT-VALUE}); sign new ones before then.")
    String nextUpdate;

    @Option(names = "--out-dir", paramLabel = "DIR", description = "Where to write the CRLs (default: DIR/crl).")
    Optional<String> outDir = Optional.empty();

    @Option(names = "--password-file", paramLabel = "FILE", description = "Password of the CA keys (else CERTA_PASSWORD or a prompt).")
    Optional<String> passwordFile = Optional.empty();

    @Override
    int execute() {
        Env env = env();
        CaDirectory ca = new CaDirectory(env.caDirectory(dir));
        ca.rootCertificate(); // a clear error, before any prompt, when DIR holds no CA
        var validity = Durations.parse(nextUpdate, "--next-update");
        Path target = outDir.map(env::path).orElse(ca.dir().resolve("crl"));
        List<CaCrls.CaCrl> crls = new CaCrls(ca).sign(new Passwords(env, passwordFile).source(), env.clock().instant(), validity);
        createDirectory(target);
        OutputFiles files = new OutputFiles(true);
        StringBuilder all = new StringBuilder();
        for (CaCrls.CaCrl c : crls) {
            files.add(target.resolve(c.fileBase() + ".crl"), c.crl().der());
            files.add(target.resolve(c.fileBase() + ".crl.pem"), ascii(c.crl().pem()));
            all.append(c.crl().pem());
        }
        files.add(target.resolve("crls.pem"), ascii(all.toString()));
        files.commit();
        env.out().println("Signed " + crls.size() + " CRL" + (crls.size() == 1 ? "" : "s") + " in " + target
                + " (next update " + crls.get(0).crl().nextUpdate() + ")");
        for (CaCrls.CaCrl c : crls) {
            env.out().printf("  %-28s %s: CRL number %s, %d revoked%n", c.fileBase() + ".crl",
                    c.issuer().equals("root") ? "root" : "intermediate '" + c.issuer() + "'", c.crl().number(), c.crl().size());
        }
        env.out().println("  crls.pem                     all of them (nginx ssl_crl, openssl verify -crl_check_all -CRLfile)");
        return 0;
    }

    private static void createDirectory(Path p) {
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new CertaException(ErrorKind.IO, "cannot create " + p + " (" + e.getMessage() + ")",
                    "choose a directory you can write to with --out-dir", e);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
