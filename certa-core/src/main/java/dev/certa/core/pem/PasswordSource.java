package dev.certa.core.pem;

import java.util.Optional;

/**
 * Where passwords for encrypted keys and keystores come from, asked for only when one is needed.
 * The CLI answers from --password-file, CERTA_PASSWORD or a terminal prompt.
 */
@FunctionalInterface
public interface PasswordSource {

    /** The password for {@code what} (e.g. "root-ca-key.pem"), or empty if none can be had. */
    Optional<char[]> passwordFor(String what);

    static PasswordSource none() {
        return what -> Optional.empty();
    }

    static PasswordSource of(char[] password) {
        char[] copy = password.clone();
        return what -> Optional.of(copy.clone());
    }

    static PasswordSource of(String password) {
        return of(password.toCharArray());
    }
}
