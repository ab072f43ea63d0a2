package dev.certa.server.va;

import java.time.Duration;

/**
 * How often a validation that failed for a reason that may pass (connection refused or timed out, DNS
 * SERVFAIL or no answer) is tried again, and how long after (RFC 8555 section 8.2). A wrong answer, or a
 * refusal by CAA, is final at once.
 *
 * @param retries how many more attempts after the first (0: none)
 * @param delay the wait before each of them
 */
public record ValidationRetries(int retries, Duration delay) {
    public ValidationRetries {
        if (retries < 0 || delay.isNegative()) {
            throw new IllegalArgumentException("retries and their delay cannot be negative");
        }
    }

    /** One attempt only. */
    public static ValidationRetries none() {
        return new ValidationRetries(0, Duration.ZERO);
    }
}
