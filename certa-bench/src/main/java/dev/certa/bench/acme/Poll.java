package dev.certa.bench.acme;

import java.util.concurrent.locks.LockSupport;

/**
 * When a client polls an authorization or order it is waiting for. Both CAs answer {@code Retry-After}
 * in whole seconds, and a client that obeyed it would measure its own sleeping; one that polled at
 * once and then every millisecond would make the CA verify a JWS, read the account, redeem a nonce and
 * read the object again and again while it works. So each client learns how long the wait usually is:
 * its first poll comes after {@code learned} (raised 20% when that poll finds the work not done,
 * lowered 2% when it is done: about nine first polls in ten find it done), the next ones after
 * {@code firstMicros} doubling up to {@code capMicros}. The same for both CAs; polls are counted.
 * One instance per client and kind of wait (not thread-safe).
 */
final class Poll {
    private final long firstMicros;
    private final long capMicros;
    private final boolean adaptive;
    private long learnedNanos;

    /** @param adaptive whether the first poll waits the learned time (or comes at once) */
    Poll(long firstMicros, long capMicros, boolean adaptive) {
        this.firstMicros = firstMicros;
        this.capMicros = capMicros;
        this.adaptive = adaptive;
    }

    /** A fresh instance with the same settings and nothing learned, for another client or kind of wait. */
    Poll copy() {
        return new Poll(firstMicros, capMicros, adaptive);
    }

    /** Before the first poll. */
    void beforeFirst() {
        if (adaptive && learnedNanos > 0) {
            LockSupport.parkNanos(learnedNanos);
        }
    }

    /** After poll number {@code attempt} (0: the first) found the work not done: waits for the next. */
    void notYet(int attempt) {
        if (attempt == 0 && adaptive) {
            learnedNanos = Math.min(learnedNanos + learnedNanos / 5 + 100_000, 1_000_000_000L);
        }
        long micros = Math.min(capMicros, firstMicros << Math.min(attempt, 20));
        LockSupport.parkNanos(micros * 1000);
    }

    /** After poll number {@code attempt} found the work done. */
    void done(int attempt) {
        if (attempt == 0 && adaptive) {
            learnedNanos -= learnedNanos / 50;
        }
    }
}
