package dev.certa.cli;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --admin-token-file}, for the commands that call the admin API of a {@code certa serve} CA. */
final class AdminOptions {
    @Option(names = "--admin-token-file", paramLabel = "FILE", description = "File with the CA's admin token (else $CERTA_ADMIN_TOKEN).")
    Optional<String> adminTokenFile = Optional.empty();

    /** The admin API's Authorization header; a usage error saying that {@code what} needs the token when none is given. */
    Map<String, String> authorization(Env env, String what) {
        String token = AdminToken.read(env, adminTokenFile).orElseThrow(() -> new CertaException(ErrorKind.USAGE,
                what + " needs the admin token", "pass --admin-token-file FILE or set CERTA_ADMIN_TOKEN"));
        return Map.of("Authorization", "Bearer " + token);
    }
}
