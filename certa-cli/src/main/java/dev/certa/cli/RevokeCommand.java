package dev.certa.cli;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.io.InputFiles;
import dev.certa.core.pem.PemReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = {"Revoke a certificate at a 'certa serve' CA: as admin (--admin-token-file) by serial,",
            "or as its holder over mTLS (--cert and --key of the certificate itself).",
            "Examples: certa revoke 5f3a… --reason keyCompromise --admin-token-file certa-data/admin-token --server https://ca:8443",
            "          certa revoke --cert api.pem --key api-key.pem --reason superseded --server https://ca:8443",
            "At an offline CA: certa revoke 5f3a… --dir ~/.certa --reason keyCompromise, then certa crl --dir ~/.certa"})
final class RevokeCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SERIAL", description = "Serial number in hex (as 'certa inspect' prints it).")
    Optional<String> serial = Optional.empty();

    @Mixin
    ServerOptions server = new ServerOptions();

    @Option(names = "--reason", defaultValue = "unspecified", paramLabel = "REASON",
            description = "keyCompromise, superseded, cessationOfOperation, affiliationChanged, cACompromise, privilegeWithdrawn or unspecified.")
    String reason;

    @Option(names = "--admin-token-file", paramLabel = "FILE", description = "File with the CA's admin token (else $CERTA_ADMIN_TOKEN).")
    Optional<String> adminTokenFile = Optional.empty();

    @Option(names = "--dir", paramLabel = "DIR", description = "Revoke at an offline CA (made by 'certa ca init'): recorded in DIR's ledger.")
    Optional<String> dir = Optional.empty();

    @Option(names = "--cert", paramLabel = "FILE", description = "As holder: the certificate to revoke, presented over mTLS (with --dir: the certificate to revoke).")
    Optional<String> cert = Optional.empty();

    @Option(names = "--key", paramLabel = "FILE", description = "As holder: its private key.")
    Optional<String> key = Optional.empty();

    @Override
    int execute() {
        Env env = env();
        if (dir.isPresent()) {
            return new OfflineRevocation(env).revoke(env.caDirectory(dir), serial, cert, reason);
        }
        var body = CaClient.json().createObjectNode().put("reason", reason);
        serial.ifPresent(s -> body.put("serial", s));
        Optional<String> admin = AdminToken.read(env, adminTokenFile);
        CaClient client;
        Map<String, String> headers = Map.of();
        if (admin.isPresent()) {
            if (serial.isEmpty()) {
                throw new CertaException(ErrorKind.USAGE, "which certificate? give its SERIAL", "e.g. certa revoke 5f3a… --admin-token-file F");
            }
            client = server.client(env, Optional.empty());
            headers = Map.of("Authorization", "Bearer " + admin.get());
        } else if (cert.isPresent() && key.isPresent()) {
            Path c = env.path(cert.get());
            Path k = env.path(key.get());
            var kp = PemReader.readPrivateKey(InputFiles.read(k), k.toString(), new Passwords(env, Optional.empty()).source()).keyPair();
            List<java.security.cert.X509Certificate> chain = PemReader.readCertificates(InputFiles.read(c), c.toString());
            client = server.client(env, Optional.of(new CaClient.ClientCertificate(kp, chain)));
        } else {
            throw new CertaException(ErrorKind.USAGE, "revoking needs the admin token or the certificate and its key",
                    "pass --admin-token-file FILE, or --cert FILE --key FILE as the holder");
        }
        var reply = client.post("/revoke", body, headers);
        out().println("serial " + reply.get("serial").asText() + ": " + reply.get("status").asText());
        return 0;
    }
}
