package dev.certa.bench.acme;

import java.util.concurrent.locks.LockSupport;

/**
 * How long a client waits between two polls of an authorization or order: {@code firstMicros}, doubling
 * up to {@code capMicros}. Both CAs answer {@code Retry-After} in whole seconds; a client that obeyed it
 * would measure its own sleeping, so the benchmark polls on this schedule for both, and counts the polls.
 */
record Poll(long firstMicros, long capMicros) {
    void sleep(int attempt) {
        long micros = Math.min(capMicros, firstMicros << Math.min(attempt, 20));
        LockSupport.parkNanos(micros * 1000);
    }
}
