package dev.certa.server.va;

/**
 * A validation step that ends the validation: the RFC 8555 error type (without its prefix) and a
 * plain-language detail for the client. Thrown between the steps of one validator, never out of the VA.
 */
final class Refusal extends Exception {
    private final String type;
    private final boolean retryable;

    Refusal(String type, String detail) {
        this(type, detail, false);
    }

    /** @param retryable whether trying again later may succeed (see {@link ValidationOutcome#transientFailure}) */
    Refusal(String type, String detail, boolean retryable) {
        super(detail, null, false, false);
        this.type = type;
        this.retryable = retryable;
    }

    ValidationOutcome outcome() {
        return new ValidationOutcome.Invalid(type, getMessage(), retryable);
    }

    /** The outcome, its detail prefixed with where it happened: "redirected to http://…: …". */
    ValidationOutcome outcome(String context) {
        return new ValidationOutcome.Invalid(type, context + ": " + getMessage(), retryable);
    }
}
