package dev.certa.core.fetch;

/**
 * Fetches one URL. Implementations never throw for a network problem and never wait longer than
 * {@link FetchRequest#timeout()}: every failure is a {@link FetchResult.Failed} with a plain reason.
 * Tests hand in a fake; {@link HttpFetcher} is the real one.
 */
@FunctionalInterface
public interface UrlFetcher {
    FetchResult fetch(FetchRequest request);
}
