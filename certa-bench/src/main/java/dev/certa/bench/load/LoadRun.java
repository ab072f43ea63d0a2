package dev.certa.bench.load;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import javax.net.ssl.SSLContext;

/**
 * Closed-loop load: {@code concurrency} workers, each with its own keep-alive connection, send the next
 * prepared body as soon as the previous answer arrived. A warm-up comes first; then a fixed window in
 * which only answers with the expected status (2xx, or the refusal a hostile request must get) are counted,
 * their latencies kept, and the server's CPU time read at both ends; the window ends early when the bodies
 * run out. Bodies are all made before the run (tokens, CSRs, OCSP requests are the client's work).
 */
final class LoadRun {
    /** Where the bodies come from; {@code null} when there are no more. */
    interface Bodies {
        byte[] next(int worker);
    }

    /** What one run measured. */
    record Result(long ok, long errors, double seconds, double rate, double p50Millis, double p99Millis,
            double serverCpuSeconds, double clientCpuSeconds, boolean exhausted, Optional<String> firstError) {

        /** Server CPU seconds per 1,000 answered requests. */
        double serverCpuPerThousand() {
            return ok == 0 ? Double.NaN : serverCpuSeconds / ok * 1000;
        }

        double clientCpuPerThousand() {
            return ok == 0 ? Double.NaN : clientCpuSeconds / ok * 1000;
        }
    }

    private final URI url;
    private final String contentType;
    private final SSLContext tls;
    private final String client;
    private final int concurrency;
    private final double warmupSeconds;
    private final double seconds;
    private final ProcessCpu server;
    private final int keepBodies;
    private final IntPredicate expected;

    /** {@code expected}: the statuses that count as answered (the others are errors). */
    LoadRun(URI url, String contentType, SSLContext tls, String client, int concurrency, double warmupSeconds,
            double seconds, ProcessCpu server, int keepBodies, IntPredicate expected) {
        this.url = url;
        this.contentType = contentType;
        this.tls = tls;
        this.client = client;
        this.concurrency = concurrency;
        this.warmupSeconds = warmupSeconds;
        this.seconds = seconds;
        this.server = server;
        this.keepBodies = keepBodies;
        this.expected = expected;
    }

    /** Bodies of the first expected answers (up to {@code keepBodies}), in no particular order. */
    final ConcurrentLinkedQueue<byte[]> kept = new ConcurrentLinkedQueue<>();

    Result run(Bodies bodies) throws InterruptedException {
        AtomicInteger keptCount = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        AtomicInteger running = new AtomicInteger(concurrency);
        ConcurrentLinkedQueue<String> errorMessages = new ConcurrentLinkedQueue<>();
        long[][] latencies = new long[concurrency][];
        int[] counts = new int[concurrency];
        // written by the main thread, read by workers: the window, in System.nanoTime()
        long[] window = {Long.MAX_VALUE, Long.MAX_VALUE};
        var windowLock = new Object();
        CountDownLatch done = new CountDownLatch(concurrency);
        StopFlag stop = new StopFlag();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            latencies[w] = new long[1 << 14];
            threads.add(Thread.ofPlatform().name("load-" + w).daemon(true).start(() -> {
                try (Transport t = Transport.open(client, url, contentType, tls)) {
                    while (!stop.value) {
                        byte[] body = bodies.next(worker);
                        if (body == null) {
                            break;
                        }
                        long start = System.nanoTime();
                        boolean keep = keptCount.get() < keepBodies;
                        int status;
                        byte[] answer;
                        try {
                            HttpConnection.Response r = t.post(body, keep);
                            status = r.status();
                            answer = r.body();
                        } catch (java.io.IOException e) {
                            status = -1;
                            answer = e.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                        }
                        long end = System.nanoTime();
                        long from;
                        long to;
                        synchronized (windowLock) {
                            from = window[0];
                            to = window[1];
                        }
                        boolean in = end >= from && end <= to;
                        if (expected.test(status)) {
                            if (in) {
                                if (counts[worker] == latencies[worker].length) {
                                    latencies[worker] = Arrays.copyOf(latencies[worker], counts[worker] * 2);
                                }
                                latencies[worker][counts[worker]++] = end - start;
                            }
                            if (keep && keptCount.incrementAndGet() <= keepBodies) {
                                kept.add(answer);
                            }
                        } else {
                            if (in) {
                                errors.incrementAndGet();
                            }
                            if (errorMessages.size() < 3) {
                                errorMessages.add("status " + status + ": "
                                        + new String(answer, 0, Math.min(answer.length, 300), java.nio.charset.StandardCharsets.UTF_8));
                            }
                        }
                    }
                } finally {
                    running.decrementAndGet();
                    done.countDown();
                }
            }));
        }
        sleepUnlessAllStopped(warmupSeconds, running);
        ProcessCpu self = ProcessCpu.self();
        double serverStart = server.seconds();
        double clientStart = self.seconds();
        long from = System.nanoTime();
        synchronized (windowLock) {
            window[0] = from;
            window[1] = Long.MAX_VALUE;
        }
        boolean exhausted = sleepUnlessAllStopped(seconds, running);
        long to = System.nanoTime();
        synchronized (windowLock) {
            window[1] = to;
        }
        double serverEnd = server.seconds();
        double clientEnd = self.seconds();
        exhausted |= running.get() < concurrency;
        stop.value = true;
        done.await();
        long[] all = merge(latencies, counts);
        double elapsed = (to - from) / 1e9;
        Arrays.sort(all);
        return new Result(all.length, errors.get(), elapsed, all.length / elapsed, percentile(all, 0.50), percentile(all, 0.99),
                serverEnd - serverStart, clientEnd - clientStart, exhausted,
                Optional.ofNullable(errorMessages.peek()));
    }

    /** Sleeps {@code seconds}; returns early (true) when every worker has stopped (no more bodies). */
    private static boolean sleepUnlessAllStopped(double seconds, AtomicInteger running) throws InterruptedException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            if (running.get() == 0) {
                return true;
            }
            Thread.sleep(Math.max(1, Math.min(20, (end - System.nanoTime()) / 1_000_000)));
        }
        return false;
    }

    private static long[] merge(long[][] latencies, int[] counts) {
        int n = Arrays.stream(counts).sum();
        long[] all = new long[n];
        int at = 0;
        for (int w = 0; w < counts.length; w++) {
            System.arraycopy(latencies[w], 0, all, at, counts[w]);
            at += counts[w];
        }
        return all;
    }

    private static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    private static final class StopFlag {
        volatile boolean value;
    }
}
