package dev.certa.cli;

import dev.certa.core.io.Durations;
import dev.certa.core.ca.CaDirectory;
import dev.certa.core.issue.CaUrls;
import dev.certa.core.key.KeyType;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = {
            "Create a root CA and, by default, one intermediate CA beneath it.",
            "The root signs only intermediates and should be kept offline; the intermediate issues",
            "certificates. Keys are encrypted with a password (--password-file, CERTA_PASSWORD, or a",
            "prompt); --no-password must be asked for explicitly."
        })
final class CaInitCommand extends BaseCommand {
    @Option(names = "--dir", paramLabel = "DIR", description = "CA directory (default: $CERTA_HOME or ~/.certa).")
    Optional<String> dir;

    @Option(names = "--name", defaultValue = "certa", description = "Name of the CA, used in the certificates' subjects (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--key-type", defaultValue = "p256", paramLabel = "TYPE",
            description = "p256 (default), p384, rsa2048, rsa3072, rsa4096, ed25519.")
    String keyType;

    @Option(names = "--root-validity", defaultValue = "10y", paramLabel = "DURATION", description = "Default: ${DEFAULT-VALUE}.")
    String rootValidity;

    @Option(names = "--intermediate-validity", defaultValue = "5y", paramLabel = "DURATION", description = "Default: ${DEFAULT-VALUE}.")
    String intermediateValidity;

    @Option(names = "--no-intermediate", description = "Create only the root.")
    boolean noIntermediate;

    @Mixin
    IntermediateOptions limits = new IntermediateOptions();

    @Option(names = "--ocsp-url", description = "OCSP responder URL written into issued certificates.")
    Optional<String> ocspUrl;

    @Option(names = "--crl-url", description = "CRL URL written into issued certificates.")
    Optional<String> crlUrl;

    @Option(names = "--ca-issuers-url", description = "URL of the issuer certificate, written into issued certificates (AIA).")
    Optional<String> caIssuersUrl;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Read the key password from the first line of FILE.")
    Optional<String> passwordFile;

    @Option(names = "--no-password", description = "Store the CA keys unencrypted (not recommended).")
    boolean noPassword;

    @Option(names = "--force", description = "Replace an existing CA in DIR.")
    boolean force;

    @Override
    int execute() {
        Env env = env();
        CaDirectory ca = new CaDirectory(env.caDirectory(dir));
        KeyType type = KeyType.parse(keyType);
        Optional<CaDirectory.IntermediateSpec> intermediate = noIntermediate ? Optional.empty()
                : Optional.of(new CaDirectory.IntermediateSpec(CaDirectory.DEFAULT_INTERMEDIATE, name + " Intermediate CA", type,
                        Durations.parse(intermediateValidity, "--intermediate-validity"),
                        limits.profile()));
        CaUrls urls = new CaUrls(caIssuersUrl.map(List::of).orElse(List.of()), ocspUrl, crlUrl.map(List::of).orElse(List.of()));
        var spec = new CaDirectory.InitSpec(name, type, Durations.parse(rootValidity, "--root-validity"), intermediate, urls);
        Optional<char[]> password = new Passwords(env, passwordFile).forNew("the CA keys", noPassword);
        var result = ca.init(spec, password, issuer(), env.random(), force);
        var out = out();
        out.println("Created " + (intermediate.isPresent() ? "a root CA and an intermediate CA" : "a root CA") + " in " + ca.dir());
        out.printf("  %-24s %s (%s)%n", CaDirectory.ROOT_CERT, Summaries.subject(result.root()), Summaries.until(result.root()));
        result.intermediate().ifPresent(i -> out.printf("  %-24s %s (%s)%n", "intermediate-ca.pem", Summaries.subject(i), Summaries.until(i)));
        out.println("  Keys: " + (password.isPresent() ? "encrypted" : "UNENCRYPTED") + ", mode 0600");
        out.println("Root SHA-256 fingerprint: " + Summaries.fingerprint(result.root()));
        out.println("Trust " + ca.dir().resolve(CaDirectory.ROOT_CERT) + " on your clients; keep " + CaDirectory.ROOT_KEY + " safe.");
        type.refusedBy().ifPresent(why -> out().println("Warning: the CA keys are Ed25519: " + why + "."));
        return 0;
    }

}
