package dev.certa.cli;

import dev.certa.core.csr.CsrBuilder;
import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.io.InputFiles;
import dev.certa.core.io.OutputFiles;
import dev.certa.core.key.KeyType;
import dev.certa.core.key.SoftwareSigner;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.name.SubjectAltName;
import dev.certa.core.pem.PemReader;
import dev.certa.core.pem.PemWriter;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Create a CSR, like 'openssl req -new': the names a certificate should cover, signed by your key.",
            "Example: certa csr create api.example.com 10.0.0.5 --key api-key.pem --out api.csr",
            "Without --key, a new key is generated and written to --new-key FILE."})
final class CsrCreateCommand extends BaseCommand {
    @Parameters(paramLabel = "NAME", arity = "0..*",
            description = "Names (DNS, IP, email, URI) for the subject alternative names; the first is also the CN.")
    List<String> names = new ArrayList<>();

    @Option(names = "--key", paramLabel = "FILE", description = "Existing private key to sign the request with.")
    Optional<String> key;

    @Option(names = "--new-key", paramLabel = "FILE", description = "Generate a key and write it here (unencrypted, 0600).")
    Optional<String> newKey;

    @Option(names = "--key-type", defaultValue = "p256", paramLabel = "TYPE", description = "Type of a --new-key (default: ${DEFAULT-VALUE}).")
    String keyType;

    @Option(names = "--subject", paramLabel = "DN", description = "Subject, e.g. 'CN=api.example.com,O=Example' (default: CN=first name).")
    Optional<String> subject;

    @Option(names = "--san", paramLabel = "NAME", split = ",", description = "More subject alternative names.")
    List<String> sans = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the CSR (PEM).")
    String out;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Password of an encrypted --key.")
    Optional<String> passwordFile;

    @Option(names = "--force", description = "Replace existing files.")
    boolean force;

    @Override
    int execute() {
        Env env = env();
        if (key.isPresent() == newKey.isPresent()) {
            throw new CertaException(ErrorKind.USAGE, "give exactly one of --key FILE (an existing key) and --new-key FILE",
                    "e.g. certa csr create api.example.com --new-key api-key.pem --out api.csr");
        }
        List<SubjectAltName> all = new ArrayList<>();
        for (String n : names) {
            all.add(SubjectAltName.parse(n));
        }
        for (String n : sans) {
            all.add(SubjectAltName.parse(n));
        }
        X500Name dn = subject.map(DistinguishedNames::parse)
                .orElseGet(() -> all.isEmpty() ? DistinguishedNames.parse("") : DistinguishedNames.commonName(all.get(0).value()));
        if (dn.getRDNs().length == 0 && all.isEmpty()) {
            throw new CertaException(ErrorKind.USAGE, "the CSR would name nothing", "give at least one NAME or --subject");
        }
        OutputFiles files = new OutputFiles(force);
        KeyPair pair;
        if (key.isPresent()) {
            var kp = env.path(key.get());
            pair = PemReader.readPrivateKey(InputFiles.read(kp), kp.toString(), new Passwords(env, passwordFile).source()).keyPair();
        } else {
            pair = KeyType.parse(keyType).generate(env.random());
            files.addSecret(env.path(newKey.get()), PemWriter.privateKey(pair.getPrivate()).getBytes(StandardCharsets.US_ASCII));
        }
        var csr = new CsrBuilder(dn).addSubjectAltNames(all).sign(SoftwareSigner.of(pair));
        var outPath = env.path(out);
        files.add(outPath, PemWriter.csr(csr).getBytes(StandardCharsets.US_ASCII));
        files.commit();
        out().println("Wrote " + outPath + " for " + DistinguishedNames.display(dn)
                + (all.isEmpty() ? "" : " with names " + String.join(", ", all.stream().map(Object::toString).toList())));
        newKey.ifPresent(k -> out().println("Wrote " + env.path(k) + " (new private key, mode 0600)"));
        return 0;
    }
}
