package dev.certa.cli;

import dev.certa.core.ca.CaDirectory;
import dev.certa.core.issue.CertificateAuthority;
import dev.certa.core.issue.IssuedCertificate;
import dev.certa.core.profile.Profile;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Which CA issues, shared by 'sign' and 'cert create': --dir, --intermediate, --password-file. */
final class IssuingCaOptions {
    @Option(names = "--dir", paramLabel = "DIR", description = "CA directory (default: $CERTA_HOME or ~/.certa).")
    Optional<String> dir = Optional.empty();

    @Option(names = "--intermediate", defaultValue = CaDirectory.DEFAULT_INTERMEDIATE, paramLabel = "NAME",
            description = "Which intermediate signs (default: the one made by 'ca init').")
    String intermediate = CaDirectory.DEFAULT_INTERMEDIATE;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Password of the CA key (else CERTA_PASSWORD or a prompt).")
    Optional<String> passwordFile = Optional.empty();

    /** The issuing CA with its key, read from the CA directory. */
    CertificateAuthority load(Env env) {
        return new CaDirectory(env.caDirectory(dir)).issuingCa(intermediate, new Passwords(env, passwordFile).source());
    }

    /**
     * Records the certificate in the CA's ledger (so it can be listed and revoked). Call it once the
     * output files passed their checks and before they are written: nothing is handed out unrecorded.
     */
    void record(Env env, IssuedCertificate issued, Profile profile) {
        new CaDirectory(env.caDirectory(dir)).recordIssued(intermediate, issued, profile);
    }
}
