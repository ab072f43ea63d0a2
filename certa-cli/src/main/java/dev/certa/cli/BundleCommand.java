package dev.certa.cli;

import dev.certa.core.io.InputFiles;
import dev.certa.core.io.OutputFiles;
import dev.certa.core.path.Bundle;
import dev.certa.core.path.ChainBundler;
import dev.certa.core.path.Purpose;
import dev.certa.core.path.ValidationOptions;
import dev.certa.core.pem.PemReader;
import dev.certa.core.pem.PemWriter;
import dev.certa.core.report.BundleText;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bundle", mixinStandardHelpOptions = true,
        description = {"Order a certificate and its CA certificates as a server sends them.",
            "",
            "The leaf, then each intermediate up to the root; the root is left out",
            "(clients have it). Certificates the chain does not use are listed as left out.",
            "FILE: the leaf first, then the others in any order, from one file or several.",
            "Writes PEM to --out FILE, or to standard output. Exit code: 0 when the chain",
            "reaches a root, 1 when an issuer is missing (the chain is written as far as",
            "it goes).",
            "Example: certa bundle leaf.pem intermediates.pem --roots root.pem --out fullchain.pem"})
final class BundleCommand extends BaseCommand {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Certificate files (PEM or DER): the leaf first.")
    List<String> files = new ArrayList<>();

    @Mixin
    TrustOptions trust = new TrustOptions();

    @Option(names = "--out", paramLabel = "FILE", description = "Write the chain here (default: standard output).")
    Optional<String> out = Optional.empty();

    @Option(names = "--force", description = "Replace an existing --out file.")
    boolean force;

    @Override
    int execute() {
        Env env = env();
        List<X509Certificate> all = new ArrayList<>();
        for (String f : files) {
            all.addAll(PemReader.readCertificates(InputFiles.read(env.path(f)), f));
        }
        ValidationOptions options = ValidationOptions.anyPurpose(env.clock().instant()).withPurpose(Purpose.ANY);
        Bundle bundle = new ChainBundler().bundle(all.get(0), all.subList(1, all.size()), trust.load(env), options);
        String pem = PemWriter.certificates(bundle.chain());
        PrintWriter summary;
        if (out.isPresent()) {
            var path = env.path(out.get());
            new OutputFiles(force).add(path, pem.getBytes(StandardCharsets.US_ASCII)).commit();
            summary = out();
            summary.println("Wrote " + bundle.chain().size() + " certificates to " + out.get());
        } else {
            out().print(pem);
            out().flush();
            summary = env.err();
        }
        summary.print(BundleText.render(bundle, all));
        summary.flush();
        return bundle.root().isPresent() ? 0 : 1;
    }
}
