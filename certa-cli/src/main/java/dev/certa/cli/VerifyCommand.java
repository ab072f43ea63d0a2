package dev.certa.cli;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.io.InputFiles;
import dev.certa.core.name.IpAddresses;
import dev.certa.core.name.SubjectAltName;
import dev.certa.core.path.PathValidator;
import dev.certa.core.path.Purpose;
import dev.certa.core.path.ValidationMode;
import dev.certa.core.path.ValidationOptions;
import dev.certa.core.pem.PemReader;
import dev.certa.core.report.TrustReport;
import dev.certa.core.report.TrustReportJson;
import dev.certa.core.report.TrustReportText;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check that a certificate chain is trusted, for a purpose and a name.",
            "",
            "Builds the path from the leaf to a trusted root and checks every link:",
            "signatures, validity, CA flags, key usages, name constraints, names.",
            "FILE: the leaf first, then any intermediates (a fullchain, or several files).",
            "Prints the verdict, the path leaf -> root with each link's status, and",
            "the problems with their fixes. Exit code: 0 trusted, 1 not trusted.",
            "Nothing is fetched unless asked: --fetch-missing fetches a missing",
            "intermediate from the certificate's AIA URL; --crl, --crl-fetch and --ocsp",
            "check revocation (OCSP soft-fails unless --require-revocation).",
            "Example: certa verify fullchain.pem --roots root.pem --host api.example.com",
            "         certa verify fullchain.pem --roots root.pem --crl ca.crl --ocsp"})
final class VerifyCommand extends BaseCommand {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Certificate files (PEM or DER): the leaf first.")
    List<String> files = new ArrayList<>();

    @Mixin
    TrustOptions trust = new TrustOptions();

    @Option(names = "--host", paramLabel = "NAME", description = "A host name the certificate must be valid for; an IP address "
            + "here is checked as --ip is. Repeatable.")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--ip", paramLabel = "ADDR", description = "An IP address the certificate must be valid for. Repeatable.")
    List<String> ips = new ArrayList<>();

    @Option(names = "--purpose", defaultValue = "server", paramLabel = "server|client|any",
            description = "What the certificate is for (default: server): checks its extended key usage.")
    Purpose purpose = Purpose.SERVER;

    @Option(names = "--rules", paramLabel = "web-pki|rfc5280",
            description = "Rule book: web-pki (what browsers accept; default for --purpose server) "
                    + "or rfc5280 (plain RFC 5280; default otherwise).")
    Optional<String> rules = Optional.empty();

    @Option(names = "--at", paramLabel = "TIME", description = "Judge validity at this instant (ISO-8601; default: now).")
    Optional<String> at = Optional.empty();

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Mixin
    RevocationOptions online = new RevocationOptions();

    @Override
    int execute() {
        Env env = env();
        List<X509Certificate> presented = new ArrayList<>();
        for (String f : files) {
            presented.addAll(PemReader.readCertificates(InputFiles.read(env.path(f)), f));
        }
        ValidationOptions options = options(env);
        String name = options.expectedNames().isEmpty() ? files.get(0)
                : String.join(", ", options.expectedNames().stream().map(SubjectAltName::value).toList());
        var stores = trust.load(env);
        TrustReport report = online.apply(env,
                fetch -> TrustReport.ofChain(name, presented, stores, options, new PathValidator(), fetch));
        out().print(json ? TrustReportJson.render(report) : TrustReportText.render(report));
        out().flush();
        return report.ok() ? 0 : 1;
    }

    private ValidationOptions options(Env env) {
        Instant when = at.map(t -> Instants.parse(t, "--at")).orElse(env.clock().instant());
        List<SubjectAltName> names = new ArrayList<>();
        // what a client connecting to "https://192.0.2.10/" checks: the address against the IP entries
        hosts.forEach(h -> names.add(IpAddresses.isLiteral(h) ? SubjectAltName.ip(h) : SubjectAltName.dns(h)));
        ips.forEach(i -> names.add(SubjectAltName.parse("ip:" + i)));
        ValidationOptions o = ValidationOptions.anyPurpose(when).withPurpose(purpose).withExpectedNames(names);
        ValidationMode mode = rules.map(VerifyCommand::mode)
                .orElse(purpose == Purpose.SERVER ? ValidationMode.WEB_PKI : ValidationMode.RFC5280);
        return o.withMode(mode);
    }

    static ValidationMode mode(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "web-pki", "web", "webpki", "web_pki" -> ValidationMode.WEB_PKI;
            case "rfc5280", "rfc-5280" -> ValidationMode.RFC5280;
            default -> throw new CertaException(ErrorKind.USAGE, "--rules '" + text + "' is not a rule book",
                    "use web-pki or rfc5280");
        };
    }
}
