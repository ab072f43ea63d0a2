package dev.certa.core.path.limbo;

/** A verifier's answer on one case: accepted or not, and in a few words why not (or why skipped). */
record Result(boolean skipped, boolean accepted, String reason) {
    static Result skip(String why) {
        return new Result(true, false, why);
    }

    static Result accept() {
        return new Result(false, true, "");
    }

    static Result reject(String why) {
        return new Result(false, false, why);
    }

    Outcome outcome(LimboCase c) {
        return skipped ? Outcome.SKIPPED : Outcome.of(c.expectSuccess(), accepted);
    }
}
