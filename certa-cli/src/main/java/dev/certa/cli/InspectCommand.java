package dev.certa.cli;

import dev.certa.core.inspect.Inspection;
import dev.certa.core.inspect.Inspector;
import dev.certa.core.inspect.JsonRenderer;
import dev.certa.core.inspect.TextRenderer;
import dev.certa.core.io.OutputFiles;
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
        for (String f : files) {
            Path p = env.path(f);
            all.add(Inspector.inspect(OutputFiles.read(p), f, passwords, env.clock()));
        }
        out().print(json ? JsonRenderer.render(all.size() == 1 ? List.of(all.get(0)) : all) : TextRenderer.render(all));
        out().flush();
        return 0;
    }
}
