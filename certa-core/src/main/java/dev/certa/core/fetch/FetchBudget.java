package dev.certa.core.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The fetches one validation may still make: a {@link UrlFetcher} and what is left of its
 * {@link FetchLimits}. Create one per validation (it counts); it is not thread-safe. Once the time or
 * the number of fetches is used up, further fetches fail at once with a reason saying so.
 */
public final class FetchBudget {
    private final UrlFetcher fetcher;
    private final FetchLimits limits;
    private final long deadline;
    private int fetches;

    public FetchBudget(UrlFetcher fetcher, FetchLimits limits) {
        this.fetcher = fetcher;
        this.limits = limits;
        this.deadline = System.nanoTime() + limits.totalTime().toNanos();
    }

    public FetchLimits limits() {
        return limits;
    }

    /** GETs {@code url} (http:// only) within what is left of the budget. */
    public FetchResult get(URI url) {
        return exchange(url, Optional.empty(), "");
    }

    /** POSTs {@code body} to {@code url} (http:// only) within what is left of the budget. */
    public FetchResult post(URI url, String contentType, byte[] body) {
        return exchange(url, Optional.of(body), contentType);
    }

    private FetchResult exchange(URI url, Optional<byte[]> body, String contentType) {
        if (!isHttp(url)) {
            return new FetchResult.Failed(url, "only http:// URLs are fetched");
        }
        long left = deadline - System.nanoTime();
        if (fetches >= limits.maxFetches()) {
            return new FetchResult.Failed(url, "not fetched: the limit of " + limits.maxFetches() + " fetches per validation was reached");
        }
        if (left <= 0) {
            return new FetchResult.Failed(url, "not fetched: the " + limits.totalTime().toMillis() + " ms allowed for fetching were used up");
        }
        fetches++;
        return fetcher.fetch(new FetchRequest(url, body, contentType, Duration.ofNanos(left), limits.maxBytes()));
    }

    /** True for an {@code http://} URL with a host. */
    public static boolean isHttp(URI url) {
        return url.getScheme() != null && url.getScheme().toLowerCase(Locale.ROOT).equals("http") && url.getHost() != null;
    }
}
