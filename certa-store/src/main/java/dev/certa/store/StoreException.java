package dev.certa.store;

import org.jspecify.annotations.Nullable;

/**
 * The database failed or refused (unreachable, constraint, migration). The message says what in plain
 * words and never contains a password; the cause carries the driver's exception for logs.
 */
public class StoreException extends RuntimeException {
    public StoreException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
