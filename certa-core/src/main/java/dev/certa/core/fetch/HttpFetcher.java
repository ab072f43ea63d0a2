package dev.certa.core.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * {@link UrlFetcher} over the JDK's {@code java.net.http} client: HTTP/1.1, no proxy, no redirects
 * (a redirect is reported, not followed), {@code http://} only. The whole exchange is bounded by the
 * request's timeout (an answer that stalls half-way is abandoned), and a body is read only up to the
 * request's size limit. Close it to release the client's threads.
 */
public final class HttpFetcher implements UrlFetcher, AutoCloseable {
    private static final Duration MAX_CONNECT = Duration.ofSeconds(5);

    private final HttpClient client;

    public HttpFetcher() {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY).connectTimeout(MAX_CONNECT).build();
    }

    @Override
    public FetchResult fetch(FetchRequest r) {
        URI url = r.url();
        if (!FetchBudget.isHttp(url)) {
            return new FetchResult.Failed(url, "only http:// URLs are fetched");
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(r.timeout()).header("Accept", "*/*");
        if (r.body().isPresent()) {
            b.header("Content-Type", r.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(r.body().get()));
        } else {
            b.GET();
        }
        CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(b.build(), info -> new LimitedBody(r.maxBytes()));
        HttpResponse<byte[]> response;
        try {
            response = answer.get(r.timeout().toMillis() + 1, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            return new FetchResult.Failed(url, noAnswer(r));
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            return new FetchResult.Failed(url, "interrupted");
        } catch (ExecutionException e) {
            return new FetchResult.Failed(url, why(e.getCause(), r));
        }
        if (response.statusCode() != 200) {
            String where = response.headers().firstValue("Location").map(l -> " (redirect to " + l + ", not followed)").orElse("");
            return new FetchResult.Failed(url, "the server answered HTTP " + response.statusCode() + where);
        }
        return new FetchResult.Ok(url, response.body(), response.headers().firstValue("Content-Type").orElse(""));
    }

    private static String noAnswer(FetchRequest r) {
        return "no answer within " + r.timeout().toMillis() + " ms";
    }

    private static String why(@Nullable Throwable t, FetchRequest r) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof TooLarge) {
                return "the answer is larger than " + r.maxBytes() + " bytes";
            }
            if (c instanceof HttpTimeoutException) {
                return noAnswer(r);
            }
            if (c instanceof ConnectException) {
                return "the connection was refused (nothing listens there)";
            }
        }
        String m = t == null ? null : t.getMessage();
        return "the fetch failed (" + (m == null || m.isBlank() ? t == null ? "unknown error" : t.getClass().getSimpleName() : m) + ")";
    }

    @Override
    public void close() {
        client.shutdownNow();
    }

    private static final class TooLarge extends IOException {
        TooLarge() {
            super("answer too large");
        }
    }

    /** Collects the body and gives up, cancelling the exchange, as soon as it exceeds the limit. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int max;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private Flow.@Nullable Subscription subscription;

        LimitedBody(int max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer b : items) {
                if (out.size() + b.remaining() > max) {
                    body.completeExceptionally(new TooLarge());
                    if (subscription != null) {
                        subscription.cancel();
                    }
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                out.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable t) {
            body.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            body.complete(out.toByteArray());
        }
    }
}
