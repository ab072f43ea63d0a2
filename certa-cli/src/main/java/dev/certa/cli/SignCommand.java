package dev.certa.cli;

import dev.certa.core.io.Durations;
import dev.certa.core.io.OutputFiles;
import dev.certa.core.issue.IssuanceRequest;
import dev.certa.core.issue.IssuedCertificate;
import dev.certa.core.name.SubjectAltName;
import dev.certa.core.pem.PemReader;
import dev.certa.core.pem.PemWriter;
import dev.certa.core.profile.Profile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sign", mixinStandardHelpOptions = true,
        description = {"Issue a certificate from a CSR with the CA's intermediate, like 'openssl ca'.",
            "Writes the certificate and a fullchain file (certificate + intermediate) to serve.",
            "Example: certa sign api.csr --profile server --validity 90d"})
final class SignCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "FILE.csr", description = "The certificate signing request (PEM or DER).")
    String csrFile;

    @Option(names = "--profile", defaultValue = "server", description = "server (default), client or server-client.")
    String profile;

    @Option(names = "--san", split = ",", paramLabel = "NAME", description = "Names to add to those in the CSR.")
    List<String> sans = new ArrayList<>();

    @Option(names = "--validity", paramLabel = "DURATION", description = "e.g. 90d (default: the profile's, 90 days).")
    Optional<String> validity;

    @Option(names = "--out", paramLabel = "FILE", description = "Certificate file (default: NAME.pem beside the CSR's name).")
    Optional<String> out;

    @Option(names = "--fullchain-out", paramLabel = "FILE", description = "Certificate + intermediates (default: NAME-fullchain.pem).")
    Optional<String> fullchainOut;

    @Mixin
    IssuingCaOptions ca = new IssuingCaOptions();

    @Option(names = "--force", description = "Replace existing files.")
    boolean force;

    @Override
    int execute() {
        Env env = env();
        Profile p = Profile.leaf(profile);
        Path csrPath = env.path(csrFile);
        var csr = PemReader.readCsr(OutputFiles.read(csrPath), csrPath.toString()).requireValidSignature(csrPath.toString());
        List<SubjectAltName> extra = sans.stream().map(SubjectAltName::parse).toList();
        IssuanceRequest request = IssuanceRequest.fromCsr(csr, p, extra);
        if (validity.isPresent()) {
            request = request.withValidity(Durations.parse(validity.get(), "--validity"));
        }
        String base = baseName(csrPath);
        Path certPath = out.map(env::path).orElse(csrPath.resolveSibling(base + ".pem"));
        Path fullPath = fullchainOut.map(env::path).orElse(csrPath.resolveSibling(base + "-fullchain.pem"));
        OutputFiles files = new OutputFiles(force);
        IssuedCertificate issued = issuer().issue(request, ca.load(env));
        files.add(certPath, PemWriter.certificate(issued.certificate()).getBytes(StandardCharsets.US_ASCII));
        files.add(fullPath, PemWriter.certificates(issued.fullChain()).getBytes(StandardCharsets.US_ASCII));
        files.commit();
        var c = issued.certificate();
        out().println("Issued a " + p.id() + " certificate for " + Summaries.names(c) + " (" + Summaries.until(c) + ")");
        out().println("  " + certPath);
        out().println("  " + fullPath + "  (serve this one)");
        out().println("  serial " + c.getSerialNumber().toString(16));
        Summaries.warnings(out(), issued.warnings());
        return 0;
    }

    /** "api.csr" → "api"; "api-csr.pem" → "api"; "req.pem" → "req-cert". */
    static String baseName(Path csr) {
        String n = csr.getFileName().toString();
        String b = n.replaceFirst("(?i)\\.(csr|req|pem|der)$", "").replaceFirst("(?i)[-_.](csr|req)$", "");
        return b.equals(n.replaceFirst("(?i)\\.pem$", "")) && n.toLowerCase(java.util.Locale.ROOT).endsWith(".pem") ? b + "-cert" : b;
    }
}
