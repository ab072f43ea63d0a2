package dev.certa.server.va;

/** The result of one validation: valid, or invalid with an RFC 8555 error type and why. */
public sealed interface ValidationOutcome {
    /** Control was shown. */
    record Valid() implements ValidationOutcome {}

    /**
     * Control was not shown.
     *
     * @param errorType the RFC 8555 error type without its prefix: {@code incorrectResponse},
     *     {@code connection}, {@code dns}, {@code tls}, {@code caa}, {@code rejectedIdentifier}, {@code malformed}
     */
    record Invalid(String errorType, String detail) implements ValidationOutcome {}

    static ValidationOutcome invalid(String errorType, String detail) {
        return new Invalid(errorType, detail);
    }
}
