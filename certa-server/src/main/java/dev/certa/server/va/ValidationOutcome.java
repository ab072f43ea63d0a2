package dev.certa.server.va;

/** The result of one validation: valid, or invalid with an RFC 8555 error type and why. */
public sealed interface ValidationOutcome {
    /** Control was shown. */
    record Valid() implements ValidationOutcome {}

    /**
     * Control was not shown.
     *
     * @param retryable whether the failure may pass, so that trying again later makes sense
     * @param errorType the RFC 8555 error type without its prefix: {@code incorrectResponse},
     *     {@code connection}, {@code dns}, {@code tls}, {@code caa}, {@code rejectedIdentifier}, {@code malformed}
     */
    record Invalid(String errorType, String detail, boolean retryable) implements ValidationOutcome {
        /** A failure that trying again will not change (a wrong answer, a refusal by CAA or policy). */
        public Invalid(String errorType, String detail) {
            this(errorType, detail, false);
        }
    }

    static ValidationOutcome invalid(String errorType, String detail) {
        return new Invalid(errorType, detail);
    }

    /**
     * A failure that may pass (RFC 8555 section 8.2): the connection was refused or timed out, or the
     * DNS server did not answer or answered SERVFAIL. The validation authority tries again.
     */
    static ValidationOutcome transientFailure(String errorType, String detail) {
        return new Invalid(errorType, detail, true);
    }
}
