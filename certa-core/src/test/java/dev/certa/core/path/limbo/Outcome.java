package dev.certa.core.path.limbo;

/** How a verifier did on one case. */
enum Outcome {
    CORRECT_ACCEPT("correct accept"),
    CORRECT_REJECT("correct reject"),
    WRONG_ACCEPT("wrong accept"),
    WRONG_REJECT("wrong reject"),
    SKIPPED("skipped");

    final String label;

    Outcome(String label) {
        this.label = label;
    }

    static Outcome of(boolean expectSuccess, boolean accepted) {
        if (expectSuccess) {
            return accepted ? CORRECT_ACCEPT : WRONG_REJECT;
        }
        return accepted ? WRONG_ACCEPT : CORRECT_REJECT;
    }
}
