package dev.certa.cli;

import dev.certa.core.io.InputFiles;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The CA's admin token, from --admin-token-file or CERTA_ADMIN_TOKEN; never printed. */
final class AdminToken {
    private AdminToken() {}

    static Optional<String> read(Env env, Optional<String> file) {
        if (file.isPresent()) {
            return Optional.of(new String(InputFiles.read(env.path(file.get())), StandardCharsets.US_ASCII).trim());
        }
        return Optional.ofNullable(env.variables().get("CERTA_ADMIN_TOKEN")).map(String::trim).filter(s -> !s.isEmpty());
    }
}
