package dev.certa.server.va;

/**
 * A validation step that ends the validation: the RFC 8555 error type (without its prefix) and a
 * plain-language detail for the client. Thrown between the steps of one validator, never out of the VA.
 */
final class Refusal extends Exception {
    private final String type;

    Refusal(String type, String detail) {
        super(detail, null, false, false);
        this.type = type;
    }

    ValidationOutcome outcome() {
        return ValidationOutcome.invalid(type, getMessage());
    }

    /** The outcome, its detail prefixed with where it happened: "redirected to http://…: …". */
    ValidationOutcome outcome(String context) {
        return ValidationOutcome.invalid(type, context + ": " + getMessage());
    }
}
