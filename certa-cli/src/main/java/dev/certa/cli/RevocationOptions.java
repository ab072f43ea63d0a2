package dev.certa.cli;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.fetch.FetchBudget;
import dev.certa.core.fetch.FetchLimits;
import dev.certa.core.fetch.HttpFetcher;
import dev.certa.core.io.InputFiles;
import dev.certa.core.path.revocation.Crl;
import dev.certa.core.path.revocation.RevocationChecker;
import dev.certa.core.path.revocation.RevocationPolicy;
import dev.certa.core.report.TrustReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * What verify and probe may do beyond the certificates given: fetch a missing intermediate (AIA) and
 * check revocation (CRL files, CRLs fetched from distribution points, OCSP). Everything that touches
 * the network is off unless asked for, http:// only, and bounded.
 */
final class RevocationOptions {
    @Option(names = "--fetch-missing",
            description = "When the chain lacks an intermediate, fetch it from the http:// URL the certificate names "
                    + "(AIA caIssuers; DER, PEM or .p7c) and build the path again: at most 3 levels, 4 fetches, "
                    + "64 KiB each, 5 s in all. The verdict then warns that the server should send it. Off by default.")
    boolean fetchMissing;

    @Option(names = "--crl", paramLabel = "FILE",
            description = "Check revocation against this CRL (PEM or DER). Repeatable. Each certificate below the root is "
                    + "checked against the CRLs from its issuer: a revoked one is NOT TRUSTED. A CRL from the issuer that "
                    + "cannot be used (bad signature, stale, unknown critical extension, no CRL number) also fails.")
    List<String> crls = new ArrayList<>();

    @Option(names = "--crl-fetch",
            description = "Fetch each certificate's CRL from its http:// CRL distribution point and check it like --crl "
                    + "(together with --ocsp: at most 8 fetches, 1 MiB each, 5 s in all).")
    boolean crlFetch;

    @Option(names = "--ocsp",
            description = "Ask the OCSP responder each certificate names (AIA, http:// POST, RFC 6960) and verify its "
                    + "signed answer: good, revoked or unknown. A responder that cannot be reached, or an answer that "
                    + "cannot be verified, is only a warning (soft-fail, as browsers do) unless --require-revocation.")
    boolean ocsp;

    @Option(names = "--require-revocation",
            description = "Fail (NOT TRUSTED) when a certificate's revocation status cannot be established by --crl, "
                    + "--crl-fetch or --ocsp, instead of warning (hard-fail).")
    boolean require;

    /** Runs {@code validate} with a fetch budget for missing intermediates when asked, then checks revocation when asked. */
    TrustReport apply(Env env, Function<Optional<FetchBudget>, TrustReport> validate) {
        if (require && crls.isEmpty() && !crlFetch && !ocsp) {
            throw new CertaException(ErrorKind.USAGE, "--require-revocation needs a source of revocation status",
                    "add --crl FILE, --crl-fetch or --ocsp");
        }
        List<Crl> given = new ArrayList<>();
        for (String f : crls) {
            given.addAll(Crl.read(InputFiles.read(env.path(f)), f));
        }
        RevocationPolicy policy = new RevocationPolicy(given, crlFetch, ocsp, Optional.empty(), require);
        if (!fetchMissing && !policy.fetches()) {
            TrustReport report = validate.apply(Optional.empty());
            return report.checkRevocation(new RevocationChecker(Optional.empty(), env.random()), policy);
        }
        try (HttpFetcher http = new HttpFetcher()) {
            Optional<FetchBudget> issuers = fetchMissing ? Optional.of(new FetchBudget(http, FetchLimits.issuers())) : Optional.empty();
            TrustReport report = validate.apply(issuers);
            Optional<FetchBudget> revocation = policy.fetches()
                    ? Optional.of(new FetchBudget(http, FetchLimits.revocation())) : Optional.empty();
            return report.checkRevocation(new RevocationChecker(revocation, env.random()), policy);
        }
    }
}
