package dev.certa.cli;

import dev.certa.core.io.Durations;
import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.io.InputFiles;
import dev.certa.core.path.PathValidator;
import dev.certa.core.pem.PemReader;
import dev.certa.core.probe.ClientIdentity;
import dev.certa.core.probe.Handshake;
import dev.certa.core.probe.ProbeTarget;
import dev.certa.core.probe.TlsProbe;
import dev.certa.core.report.TrustReport;
import dev.certa.core.report.TrustReportJson;
import dev.certa.core.report.TrustReportText;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "probe", mixinStandardHelpOptions = true,
        description = {"Connect to a TLS server and diagnose the chain it presents.",
            "",
            "Records what the server presents, even when it is not trusted: TLS version,",
            "cipher suite, ALPN, the certificates in the order sent, a stapled OCSP",
            "response, and whether it asks for a client certificate and from which CAs.",
            "Then judges the chain as 'certa verify' does. No application data is sent.",
            "A stapled OCSP response is verified and used for the leaf's revocation",
            "status; --crl, --crl-fetch, --ocsp and --fetch-missing work as in verify.",
            "Exit code: 0 trusted and the client accepted; 1 not trusted, refused, or",
            "the server could not be reached.",
            "Example: certa probe api.example.com:443 --roots root.pem"})
final class ProbeCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "HOST[:PORT]", description = "The server (port 443 unless given).")
    String target;

    @Option(names = "--servername", paramLabel = "SNI",
            description = "The name to ask for (SNI) and check the certificate against (default: HOST).")
    Optional<String> serverName = Optional.empty();

    @Option(names = "--cert", paramLabel = "FILE", description = "Client certificate (and intermediates) for mutual TLS.")
    Optional<String> cert = Optional.empty();

    @Option(names = "--key", paramLabel = "FILE", description = "The client certificate's private key.")
    Optional<String> key = Optional.empty();

    @Mixin
    TrustOptions trust = new TrustOptions();

    @Option(names = "--timeout", defaultValue = "10s", paramLabel = "DURATION",
            description = "Bound on connecting and on the handshake (default: 10s).")
    String timeout = "10s";

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Mixin
    RevocationOptions online = new RevocationOptions();

    @Override
    int execute() {
        Env env = env();
        ProbeTarget where = ProbeTarget.parse(target, serverName);
        Optional<ClientIdentity> identity = identity(env);
        var stores = trust.load(env);
        Duration bound = Durations.parse(timeout, "--timeout");
        Handshake handshake = new TlsProbe(bound).probe(where, identity);
        TrustReport report = online.apply(env,
                fetch -> TrustReport.ofHandshake(handshake, stores, env.clock().instant(), new PathValidator(), fetch));
        out().print(json ? TrustReportJson.render(report) : TrustReportText.render(report));
        out().flush();
        return report.ok() ? 0 : 1;
    }

    private Optional<ClientIdentity> identity(Env env) {
        if (cert.isEmpty() && key.isEmpty()) {
            return Optional.empty();
        }
        if (cert.isEmpty() || key.isEmpty()) {
            throw new CertaException(ErrorKind.USAGE, "a client certificate needs both --cert and --key",
                    "give --cert FILE --key FILE together");
        }
        var chain = PemReader.readCertificates(InputFiles.read(env.path(cert.get())), cert.get());
        var privateKey = PemReader.readPrivateKey(InputFiles.read(env.path(key.get())), key.get(),
                trust.passwords(env).source());
        return Optional.of(new ClientIdentity(privateKey.keyPair().getPrivate(), chain));
    }
}
