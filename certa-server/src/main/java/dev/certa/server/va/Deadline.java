package dev.certa.server.va;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The end of one validation's time budget, on the monotonic timer (not the wall clock, which may
 * jump): every connect, handshake, read, redirect and retry of the validation gets what is left of
 * it, so a peer that stalls cannot hold validation past it.
 */
final class Deadline {
    private final Duration budget;
    private final long end;

    private Deadline(Duration budget) {
        this.budget = budget;
        this.end = System.nanoTime() + budget.toNanos();
    }

    static Deadline after(Duration budget) {
        return new Deadline(budget);
    }

    boolean passed() {
        return System.nanoTime() - end >= 0;
    }

    /**
     * What is left, in milliseconds rounded up (at least 1), for a socket timeout, so that a timeout never
     * fires before the deadline has passed; an IOException once nothing is left.
     */
    int remainingMillis() throws IOException {
        long nanos = end - System.nanoTime();
        long left = nanos <= 0 ? 0 : (nanos + 999_999) / 1_000_000;
        if (left <= 0) {
            throw new IOException(ranOut());
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    /** Whether at least {@code wait} is left. */
    boolean leaves(Duration wait) {
        return end - System.nanoTime() > wait.toNanos();
    }

    /** "the time limit of 10 s ran out" (of the whole validation, retries included) */
    String ranOut() {
        return "the time limit of " + (budget.toMillis() % 1000 == 0 ? budget.toSeconds() + " s" : budget.toMillis() + " ms")
                + " ran out";
    }

    /**
     * Closes {@code resource} when the deadline passes, unless the returned handle is closed first:
     * bounds a step (a TLS handshake) that a slow peer could stretch read by read, each within the
     * socket timeout.
     */
    Watchdog closeWhenPassed(Closeable resource) {
        CompletableFuture<Void> alarm = CompletableFuture.runAsync(() -> {
            try {
                resource.close();
            } catch (IOException e) {
                // closing is all we wanted
            }
        }, CompletableFuture.delayedExecutor(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS));
        return () -> alarm.cancel(false);
    }

    /** Stops the alarm of {@link #closeWhenPassed}. */
    @FunctionalInterface
    interface Watchdog extends AutoCloseable {
        @Override
        void close();
    }
}
