package dev.certa.cli;

import dev.certa.core.error.CertaException;
import dev.certa.core.inspect.Inspection;
import dev.certa.core.inspect.Inspector;
import dev.certa.core.inspect.JsonRenderer;
import dev.certa.core.inspect.TextRenderer;
import dev.certa.core.io.InputFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Explain certificates, bundles, CSRs, keys, CRLs and PKCS#12/JKS keystores (PEM or DER):",
            "subject, issuer, names, validity and days left, key, usages, fingerprints, URLs.",
            "Private key material is never printed. --json gives the same for scripts."})
final class InspectCommand extends BaseCommand {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to inspect.")
    List<String> files = new ArrayList<>();

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Password of encrypted keys and keystores.")
    Optional<String> passwordFile;

    @Override
    int execute() {
        Env env = env();
        var passwords = new Passwords(env, passwordFile).source();
        List<Inspection> all = new ArrayList<>();
        int failed = 0;
        for (String f : files) {
            // one unreadable or broken file is reported and skipped; the others are still explained
            try {
                Path p = env.path(f);
                all.add(Inspector.inspect(InputFiles.read(p), f, passwords, env.clock()));
            } catch (CertaException e) {
                failed++;
                err().println("certa: " + e.describe());
                err().flush();
            }
        }
        if (!all.isEmpty()) {
            out().print(json ? JsonRenderer.render(all) : TextRenderer.render(all));
            out().flush();
        }
        if (failed > 0 && files.size() > 1) {
            err().println("certa: " + failed + " of " + files.size() + " files could not be inspected (see above)");
            err().flush();
        }
        return failed == 0 ? 0 : 1;
    }
}
