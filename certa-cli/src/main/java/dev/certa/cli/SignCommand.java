package dev.certa.cli;

import dev.certa.core.io.Durations;
import dev.certa.core.io.InputFiles;
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
            "Example: certa sign api.csr --profile server --validity 90d",
            "Online: certa token api.internal --key K | certa sign api.csr --server URL --root root.pem --token -"})
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

    @Mixin
    ServerOptions server = new ServerOptions();

    @Option(names = "--token", paramLabel = "TOKEN", description = {"With --server: the one-time token from 'certa token';"
            + " '-' reads it from standard input. A token given here is visible to other users (process list): prefer"
            + " '-', --token-file or $CERTA_TOKEN."})
    Optional<String> token = Optional.empty();

    @Option(names = "--token-file", paramLabel = "FILE", description = "With --server: read the one-time token from FILE ('-': standard input).")
    Optional<String> tokenFile = Optional.empty();

    @Override
    int execute() {
        Env env = env();
        Profile p = Profile.leaf(profile);
        Path csrPath = env.path(csrFile);
        var csr = PemReader.readCsr(InputFiles.read(csrPath), csrPath.toString()).requireValidSignature(csrPath.toString());
        List<SubjectAltName> extra = sans.stream().map(SubjectAltName::parse).toList();
        IssuanceRequest request = IssuanceRequest.fromCsr(csr, p, extra);
        if (validity.isPresent()) {
            request = request.withValidity(Durations.parse(validity.get(), "--validity"));
        }
        String base = baseName(csrPath);
        Path certPath = out.map(env::path).orElse(csrPath.resolveSibling(base + ".pem"));
        Path fullPath = fullchainOut.map(env::path).orElse(csrPath.resolveSibling(base + "-fullchain.pem"));
        OutputFiles files = new OutputFiles(force);
        if (server.given(env)) {
            return signOnline(env, csr, certPath, fullPath, files);
        }
        IssuedCertificate issued = issuer().issue(request, ca.load(env));
        files.add(certPath, PemWriter.certificate(issued.certificate()).getBytes(StandardCharsets.US_ASCII));
        files.add(fullPath, PemWriter.certificates(issued.fullChain()).getBytes(StandardCharsets.US_ASCII));
        files.check();
        ca.record(env, issued, p);
        files.commit();
        var c = issued.certificate();
        out().println("Issued a " + p.id() + " certificate for " + Summaries.names(c) + " (" + Summaries.until(c) + ")");
        out().println("  " + certPath);
        out().println("  " + fullPath + "  (" + Summaries.fullchainUse(p) + ")");
        out().println("  serial " + c.getSerialNumber().toString(16));
        Summaries.warnings(out(), issued.warnings());
        return 0;
    }

    /** Asks a 'certa serve' CA to sign, with a one-time token; writes the same files as offline signing. */
    private int signOnline(Env env, dev.certa.core.csr.Csr csr, Path certPath, Path fullPath, OutputFiles files) {
        if (!sans.isEmpty()) {
            throw new dev.certa.core.error.CertaException(dev.certa.core.error.ErrorKind.USAGE,
                    "--san cannot be used with --server: the names come from the token", "mint the token for every name you need");
        }
        String t = OneTimeToken.read(env, token, tokenFile).orElseThrow(() ->
                new dev.certa.core.error.CertaException(dev.certa.core.error.ErrorKind.USAGE, "signing with --server needs a token",
                        "pass --token-file FILE, --token - (standard input) or CERTA_TOKEN (mint one with"
                                + " 'certa token NAME --key PROVISIONER-KEY')"));
        var body = CaClient.json().createObjectNode().put("token", t.trim()).put("csr", PemWriter.csr(csr)).put("profile", profile);
        validity.ifPresent(v -> body.put("validity", v));
        var reply = server.client(env, Optional.empty()).post("/sign", body, java.util.Map.of());
        files.add(certPath, reply.get("certificate").asText().getBytes(StandardCharsets.US_ASCII));
        files.add(fullPath, reply.get("fullchain").asText().getBytes(StandardCharsets.US_ASCII));
        files.commit();
        out().println("Issued by " + server.url(env) + ": serial " + reply.get("serial").asText() + ", valid until " + reply.get("notAfter").asText());
        out().println("  " + certPath);
        out().println("  " + fullPath + "  (" + Summaries.fullchainUse(Profile.leaf(profile)) + ")");
        return 0;
    }

    /** "api.csr" → "api"; "api-csr.pem" → "api"; "req.pem" → "req-cert". */
    static String baseName(Path csr) {
        String n = csr.getFileName().toString();
        String b = n.replaceFirst("(?i)\\.(csr|req|pem|der)$", "").replaceFirst("(?i)[-_.](csr|req)$", "");
        return b.equals(n.replaceFirst("(?i)\\.pem$", "")) && n.toLowerCase(java.util.Locale.ROOT).endsWith(".pem") ? b + "-cert" : b;
    }
}
