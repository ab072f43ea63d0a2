package dev.certa.server.http;

import dev.certa.core.error.CertaException;

/** The server's mapping of certa's error kinds to problem documents. */
public final class Problems {
    private Problems() {}

    public static Problem of(CertaException e) {
        String detail = e.reason() + e.fix().map(f -> "; " + f).orElse("");
        return switch (e.kind()) {
            case BAD_INPUT, USAGE -> Problem.of(400, "bad-input", "Bad request", detail);
            case BAD_SIGNATURE -> Problem.of(400, "bad-signature", "Bad signature", detail);
            case UNSUPPORTED_KEY -> Problem.of(400, "bad-key", "Unsupported key", detail);
            case BAD_NAME -> Problem.of(400, "bad-name", "Bad name", detail);
            case LINT -> Problem.of(400, "rejected-by-policy", "Refused by the CA's checks", detail);
            case NOT_FOUND -> Problem.of(404, "not-found", "Not found", detail);
            case WRONG_PASSWORD, KEY_MISMATCH, ALREADY_EXISTS, IO, NETWORK, INTERNAL ->
                    Problem.of(500, "internal", "Internal error", "the CA failed to answer this request; try again later");
        };
    }
}
