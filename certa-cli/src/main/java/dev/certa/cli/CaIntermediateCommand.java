package dev.certa.cli;

import dev.certa.core.io.Durations;
import dev.certa.core.ca.CaDirectory;
import dev.certa.core.key.KeyType;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "intermediate", mixinStandardHelpOptions = true,
        description = {
            "Create another intermediate CA under the root, e.g. one per team or environment.",
            "Issue with it by 'certa sign --intermediate NAME' or 'certa cert create --intermediate NAME'."
        })
final class CaIntermediateCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "Name of the intermediate, e.g. payments.")
    String name;

    @Option(names = "--dir", paramLabel = "DIR", description = "CA directory (default: $CERTA_HOME or ~/.certa).")
    Optional<String> dir;

    @Option(names = "--key-type", defaultValue = "p256", paramLabel = "TYPE", description = "Default: ${DEFAULT-VALUE}.")
    String keyType;

    @Option(names = "--validity", defaultValue = "5y", paramLabel = "DURATION", description = "Default: ${DEFAULT-VALUE}.")
    String validity;

    @Mixin
    IntermediateOptions limits = new IntermediateOptions();

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Password of the root key, also used to encrypt the new key.")
    Optional<String> passwordFile;

    @Option(names = "--no-password", description = "Store the new intermediate's key unencrypted.")
    boolean noPassword;

    @Option(names = "--force", description = "Replace an intermediate of the same name.")
    boolean force;

    @Override
    int execute() {
        Env env = env();
        CaDirectory ca = new CaDirectory(env.caDirectory(dir));
        String slug = CaDirectory.slug(name);
        var spec = new CaDirectory.IntermediateSpec(slug, name + " Intermediate CA", KeyType.parse(keyType),
                Durations.parse(validity, "--validity"),
                limits.profile());
        Passwords passwords = new Passwords(env, passwordFile);
        ca.rootCertificate(); // fails early, before any prompt, when DIR holds no CA
        var issued = ca.addIntermediate(spec, passwords.source(), passwords.forNew("the intermediate's key", noPassword),
                issuer(), env.random(), force);
        out().println("Created intermediate '" + slug + "' in " + ca.dir());
        out().printf("  %-24s %s (%s)%n", ca.intermediateCertificatePath(slug).getFileName(),
                Summaries.subject(issued.certificate()), Summaries.until(issued.certificate()));
        out().println("Issue with it: certa sign FILE.csr --intermediate " + slug);
        return 0;
    }
}
