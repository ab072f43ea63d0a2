package dev.certa.cli;

import dev.certa.core.io.Durations;
import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.io.OutputFiles;
import dev.certa.core.issue.IssuanceRequest;
import dev.certa.core.issue.IssuedCertificate;
import dev.certa.core.key.KeyType;
import dev.certa.core.key.SoftwareSigner;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.name.SubjectAltName;
import dev.certa.core.pem.PemWriter;
import dev.certa.core.profile.Profile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Create a key and a certificate for NAMEs in one step, like mkcert.",
            "Names may be DNS names, wildcards (*.example.test), IP addresses, emails or URIs.",
            "Example: certa cert create localhost 127.0.0.1 ::1",
            "Writes NAME.pem, NAME-key.pem (unencrypted, 0600) and NAME-fullchain.pem, and prints the",
            "file names it chose: '*' becomes '_wildcard', and ':', '/' and '@' become '_'",
            "(alice@acme.test -> alice_acme.test.pem); --file-name sets them."})
final class CertCreateCommand extends BaseCommand {
    @Parameters(paramLabel = "NAME", arity = "1..*", description = "Names the certificate is valid for.")
    List<String> names = new ArrayList<>();

    @Option(names = "--profile", defaultValue = "server", description = "server (default), client or server-client.")
    String profile;

    @Option(names = "--self-signed", description = "Sign with the certificate's own key, without a CA (local development only).")
    boolean selfSigned;

    @Option(names = "--key-type", defaultValue = "p256", paramLabel = "TYPE", description = "Default: ${DEFAULT-VALUE}.")
    String keyType;

    @Option(names = "--validity", paramLabel = "DURATION", description = "e.g. 90d (default: the profile's).")
    Optional<String> validity;

    @Option(names = "--subject", paramLabel = "DN", description = "Subject (default: CN=first name).")
    Optional<String> subject;

    @Option(names = "--out-dir", defaultValue = ".", paramLabel = "DIR", description = "Where to write the files.")
    String outDir;

    @Option(names = "--file-name", paramLabel = "BASE", description = "Base of the file names (default: from the names, as mkcert does).")
    Optional<String> fileName;

    @Mixin
    IssuingCaOptions ca = new IssuingCaOptions();

    @Option(names = "--force", description = "Replace existing files.")
    boolean force;

    @Override
    int execute() {
        Env env = env();
        List<SubjectAltName> sans = names.stream().map(SubjectAltName::parse).toList();
        Profile p = selfSigned ? selfSignedProfile() : Profile.leaf(profile);
        var dn = subject.map(DistinguishedNames::parse).orElse(DistinguishedNames.commonName(sans.get(0).value()));
        KeyPair key = KeyType.parse(keyType).generate(env.random());
        IssuanceRequest request = IssuanceRequest.forKey(key.getPublic(), dn, sans, p);
        if (validity.isPresent()) {
            request = request.withValidity(Durations.parse(validity.get(), "--validity"));
        }
        String base = fileName.orElseGet(() -> baseName(sans));
        Path dirPath = env.path(outDir);
        Path certPath = dirPath.resolve(base + ".pem");
        Path keyPath = dirPath.resolve(base + "-key.pem");
        Path fullPath = dirPath.resolve(base + "-fullchain.pem");
        IssuedCertificate issued = selfSigned
                ? issuer().issueSelfSigned(request, SoftwareSigner.of(key))
                : issuer().issue(request, ca.load(env));
        OutputFiles files = new OutputFiles(force)
                .add(certPath, ascii(PemWriter.certificate(issued.certificate())))
                .addSecret(keyPath, ascii(PemWriter.privateKey(key.getPrivate())));
        if (!selfSigned) {
            files.add(fullPath, ascii(PemWriter.certificates(issued.fullChain())));
            files.check();
            ca.record(env, issued, p);
        }
        files.commit();
        var c = issued.certificate();
        out().println("Created a " + (selfSigned ? "self-signed" : p.id()) + " certificate for "
                + Summaries.names(c) + " (" + Summaries.until(c) + ")");
        out().println("  " + certPath);
        out().println("  " + keyPath + "  (private key, mode 0600)");
        if (!selfSigned) {
            out().println("  " + fullPath + "  (" + Summaries.fullchainUse(p) + ")");
        } else {
            out().println("Self-signed certificates are for local development only; clients must trust this exact certificate.");
        }
        Summaries.warnings(out(), issued.warnings());
        KeyType.parse(keyType).refusedBy().ifPresent(why -> out().println("Warning: the key is Ed25519: " + why + "."));
        return 0;
    }

    private Profile selfSignedProfile() {
        if (!profile.equals("server")) {
            throw new CertaException(ErrorKind.USAGE, "--self-signed makes a development server certificate; --profile "
                    + profile + " does not apply", "drop --profile, or drop --self-signed and issue from your CA");
        }
        return new Profile.SelfSignedLeaf();
    }

    /** mkcert's naming: "example.com+2" for three names, "_wildcard.example.com" for "*.example.com". */
    static String baseName(List<SubjectAltName> sans) {
        String first = sans.get(0).value().replace("*", "_wildcard").replace(':', '_').replace('/', '_').replace('@', '_');
        return sans.size() > 1 ? first + "+" + (sans.size() - 1) : first;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
