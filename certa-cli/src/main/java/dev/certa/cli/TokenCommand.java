package dev.certa.cli;

import dev.certa.core.io.Durations;
import dev.certa.core.io.InputFiles;
import dev.certa.core.pem.PemReader;
import dev.certa.server.ra.TokenMinter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Mint a one-time token for 'certa sign --server' (like 'step ca token').",
            "The token names the certificate's names, is signed by the provisioner's key and works once, for a few minutes.",
            "Example: certa token api.internal --provisioner default --key certa-data/provisioners/default.key.pem"})
final class TokenCommand extends BaseCommand {
    @Parameters(arity = "1..*", paramLabel = "NAME", description = "The names the certificate will be for.")
    List<String> names;

    @Option(names = "--provisioner", defaultValue = "default", description = "Provisioner name (default: default).")
    String provisioner;

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "The provisioner's private key (PEM).")
    String key;

    @Option(names = "--ca-url", defaultValue = "https://localhost:8443", paramLabel = "URL",
            description = "The CA's signing API (default: https://localhost:8443).")
    String caUrl;

    @Option(names = "--ttl", defaultValue = "5m", paramLabel = "DURATION", description = "Token lifetime (default 5m).")
    String ttl;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Password of an encrypted key (else CERTA_PASSWORD or a prompt).")
    Optional<String> passwordFile = Optional.empty();

    @Override
    int execute() {
        Env env = env();
        Path keyPath = env.path(key);
        var kp = PemReader.readPrivateKey(InputFiles.read(keyPath), keyPath.toString(), new Passwords(env, passwordFile).source())
                .keyPair();
        URI url;
        try {
            url = URI.create(caUrl);
        } catch (IllegalArgumentException e) {
            throw new dev.certa.core.error.CertaException(dev.certa.core.error.ErrorKind.USAGE, "--ca-url '" + caUrl + "' is not a URL",
                    "write it like https://ca.internal:8443");
        }
        out().println(new TokenMinter(env.clock(), env.random()).mint(provisioner, kp, url, names, Durations.parse(ttl, "--ttl")));
        return 0;
    }
}
