package dev.certa.cli;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.io.InputFiles;
import dev.certa.core.io.OutputFiles;
import dev.certa.core.pem.Decoded;
import dev.certa.core.pem.PemReader;
import dev.certa.core.pem.PemWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Convert a certificate, CSR or key between PEM and DER, like 'openssl x509 -outform DER'.",
            "DER holds one object: a PEM bundle of several certificates converts only with --index.",
            "Private keys are written unencrypted PKCS#8 (mode 0600)."})
final class ConvertCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "IN", description = "Input file (PEM or DER).")
    String in;

    @Option(names = "--to", required = true, description = "der or pem.")
    String to;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file.")
    String out;

    @Option(names = "--index", description = "Which object of a multi-object PEM file (1 = first).")
    Optional<Integer> index;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Password of an encrypted key.")
    Optional<String> passwordFile;

    @Option(names = "--force", description = "Replace an existing file.")
    boolean force;

    @Override
    int execute() throws CertificateEncodingException {
        Env env = env();
        String target = to.toLowerCase(Locale.ROOT);
        if (!target.equals("der") && !target.equals("pem")) {
            throw new CertaException(ErrorKind.USAGE, "--to must be der or pem, not '" + to + "'", "use --to der or --to pem");
        }
        Path inPath = env.path(in);
        List<Decoded> items = PemReader.read(InputFiles.read(inPath), inPath.toString(), new Passwords(env, passwordFile).source());
        Decoded item;
        if (index.isPresent()) {
            if (index.get() < 1 || index.get() > items.size()) {
                throw new CertaException(ErrorKind.USAGE, inPath + " holds " + items.size() + " objects; --index " + index.get()
                        + " is out of range", "use --index 1 to " + items.size());
            }
            item = items.get(index.get() - 1);
        } else if (items.size() == 1 || target.equals("pem") && items.stream().allMatch(i -> i instanceof Decoded.Certificate)) {
            item = items.get(0);
        } else {
            throw new CertaException(ErrorKind.USAGE, inPath + " holds " + items.size() + " objects and DER holds one",
                    "choose one with --index N (1 = first)");
        }
        boolean secret = item instanceof Decoded.PrivateKey;
        byte[] der = switch (item) {
            case Decoded.Certificate c -> c.certificate().getEncoded();
            case Decoded.Request r -> r.csr().der();
            case Decoded.PrivateKey k -> k.keyPair().getPrivate().getEncoded();
            case Decoded.PublicKeyOnly p -> p.publicKey().getEncoded();
            case Decoded.Crl crl -> encoded(crl);
        };
        byte[] bytes;
        if (target.equals("der")) {
            bytes = der;
        } else if (index.isEmpty() && items.stream().allMatch(i -> i instanceof Decoded.Certificate)) {
            bytes = PemWriter.certificates(items.stream().map(i -> ((Decoded.Certificate) i).certificate()).toList())
                    .getBytes(StandardCharsets.US_ASCII);
        } else {
            String type = switch (item) {
                case Decoded.Certificate c -> "CERTIFICATE";
                case Decoded.Request r -> "CERTIFICATE REQUEST";
                case Decoded.PrivateKey k -> "PRIVATE KEY";
                case Decoded.PublicKeyOnly p -> "PUBLIC KEY";
                case Decoded.Crl crl -> "X509 CRL";
            };
            bytes = PemWriter.block(type, der).getBytes(StandardCharsets.US_ASCII);
        }
        Path outPath = env.path(out);
        OutputFiles files = new OutputFiles(force);
        if (secret) {
            files.addSecret(outPath, bytes);
        } else {
            files.add(outPath, bytes);
        }
        files.commit();
        out().println("Wrote " + outPath + " (" + item.kind() + ", " + target.toUpperCase(Locale.ROOT) + ")");
        return 0;
    }

    private static byte[] encoded(Decoded.Crl crl) {
        try {
            return crl.crl().getEncoded();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
