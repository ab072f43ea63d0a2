package dev.certa.cli;

import dev.certa.core.bundle.Keystores;
import dev.certa.core.io.InputFiles;
import dev.certa.core.io.OutputFiles;
import dev.certa.core.pem.PemReader;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "truststore", mixinStandardHelpOptions = true,
        description = {"Write a truststore holding CA certificates to trust (e.g. your root-ca.pem), for",
            "-Djavax.net.ssl.trustStore or a Spring Boot trust-store setting."})
final class ExportTruststoreCommand extends BaseCommand {
    @Parameters(paramLabel = "CERT", arity = "1..*", description = "Files with the CA certificates to trust.")
    List<String> certs = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The truststore to write.")
    String out;

    @Option(names = "--format", defaultValue = "pkcs12", description = "pkcs12 (default) or jks.")
    String format;

    @Option(names = "--out-password-file", paramLabel = "FILE", description = "Truststore password: the first line of FILE (else "
            + "CERTA_KEYSTORE_PASSWORD or a prompt; never the CA key's CERTA_PASSWORD).")
    Optional<String> outPasswordFile = Optional.empty();

    @Option(names = "--force", description = "Replace an existing file.")
    boolean force;

    @Override
    int execute() {
        Env env = env();
        Keystores.Format f = Keystores.Format.parse(format);
        List<X509Certificate> roots = new ArrayList<>();
        for (String c : certs) {
            Path p = env.path(c);
            roots.addAll(PemReader.readCertificates(InputFiles.read(p), p.toString()));
        }
        char[] password = new Passwords(env, outPasswordFile, "--out-password-file", Passwords.KEYSTORE_VARIABLE)
                .required("the truststore", "");
        Path outPath = env.path(out);
        new OutputFiles(force).add(outPath, Keystores.truststore(f, roots, password)).commit();
        out().println("Wrote " + outPath + " (" + f + ", " + roots.size() + (roots.size() == 1 ? " trusted certificate" : " trusted certificates") + ")");
        for (X509Certificate r : roots) {
            out().println("  " + Keystores.aliasFor(r) + ": " + Summaries.subject(r));
        }
        return 0;
    }
}
