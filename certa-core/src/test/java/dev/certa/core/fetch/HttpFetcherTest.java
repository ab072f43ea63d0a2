package dev.certa.core.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.testing.HttpFiles;
import dev.certa.core.testing.RawTcpServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link HttpFetcher} against a real HTTP server on 127.0.0.1: every failure is a value, bounded in size and time. */
class HttpFetcherTest {
    private static final byte[] BODY = "certificate bytes".getBytes(StandardCharsets.US_ASCII);
    private static HttpFiles files;
    private static final HttpFetcher HTTP = new HttpFetcher();

    @BeforeAll
    static void start() throws Exception {
        files = new HttpFiles().serve("/ca.der", "application/pkix-cert", BODY).serve("/big", "application/octet-stream", new byte[200_000]);
    }

    @AfterAll
    static void stop() {
        files.close();
        HTTP.close();
    }

    private static FetchResult get(URI url, Duration timeout, int maxBytes) {
        return HTTP.fetch(FetchRequest.get(url, timeout, maxBytes));
    }

    @Test
    void fetchesABody() {
        FetchResult r = get(files.url("/ca.der"), Duration.ofSeconds(5), 1024);
        assertThat(r).isInstanceOfSatisfying(FetchResult.Ok.class, ok -> {
            assertThat(ok.body()).isEqualTo(BODY);
            assertThat(ok.contentType()).isEqualTo("application/pkix-cert");
        });
    }

    @Test
    void notFoundIsAFailureNamingTheStatus() {
        FetchResult r = get(files.url("/nothing-here"), Duration.ofSeconds(5), 1024);
        assertThat(r).isInstanceOfSatisfying(FetchResult.Failed.class, f -> assertThat(f.reason()).contains("HTTP 404"));
    }

    @Test
    void anAnswerOverTheLimitIsRefused() {
        FetchResult r = get(files.url("/big"), Duration.ofSeconds(5), 64 * 1024);
        assertThat(r).isInstanceOfSatisfying(FetchResult.Failed.class, f -> assertThat(f.reason()).contains("larger than 65536 bytes"));
    }

    @Test
    void aServerThatNeverAnswersIsGivenUpOn() throws Exception {
        try (RawTcpServer silent = new RawTcpServer(RawTcpServer.silent())) {
            FetchResult r = get(URI.create("http://127.0.0.1:" + silent.port() + "/ca.der"), Duration.ofMillis(500), 1024);
            assertThat(r).isInstanceOfSatisfying(FetchResult.Failed.class, f -> assertThat(f.reason()).contains("no answer within"));
        }
    }

    @Test
    void nothingListeningIsAFailure() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        FetchResult r = get(URI.create("http://127.0.0.1:" + port + "/ca.der"), Duration.ofSeconds(5), 1024);
        assertThat(r).isInstanceOfSatisfying(FetchResult.Failed.class, f -> assertThat(f.reason()).contains("refused"));
    }

    @Test
    void onlyPlainHttpIsFetched() {
        FetchResult r = get(URI.create("https://127.0.0.1/ca.der"), Duration.ofSeconds(5), 1024);
        assertThat(r).isInstanceOfSatisfying(FetchResult.Failed.class, f -> assertThat(f.reason()).contains("only http://"));
    }

    @Test
    void aBudgetStopsAfterItsFetches() {
        FetchBudget budget = new FetchBudget(HTTP, new FetchLimits(Duration.ofSeconds(5), 1, 1024));
        assertThat(budget.get(files.url("/ca.der"))).isInstanceOf(FetchResult.Ok.class);
        assertThat(budget.get(files.url("/ca.der"))).isInstanceOfSatisfying(FetchResult.Failed.class,
                f -> assertThat(f.reason()).contains("limit of 1 fetches"));
    }
}
