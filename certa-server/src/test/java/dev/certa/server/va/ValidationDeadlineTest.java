package dev.certa.server.va;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The validation time limit is one deadline for the whole validation: a responder that sends a first
 * byte just before it and then stalls cannot stretch it by a further read timeout, and no retry is
 * started once the deadline is spent or leaves no room for the wait before it.
 */
class ValidationDeadlineTest {
    private static final Duration LIMIT = Duration.ofMillis(1500);

    @Test
    void aResponderThatStallsJustBeforeTheDeadlineIsCutOffAtItAndNotRetried() throws Exception {
        try (StallingResponder stalling = new StallingResponder(LIMIT.minusMillis(300))) {
            ValidationOutcome outcome;
            try (var va = new ValidationAuthority(settings(stalling.port()), new ValidationRetries(2, Duration.ofMillis(100)))) {
                outcome = va.validate(request()).get(10, TimeUnit.SECONDS);
            }
            assertThat(outcome).isInstanceOfSatisfying(ValidationOutcome.Invalid.class, i -> {
                assertThat(i.errorType()).isEqualTo("connection");
                assertThat(i.detail()).contains("the time limit of 1500 ms ran out").doesNotContain("tried");
            });
            assertThat(stalling.requests()).as("requests the responder got").isEqualTo(1);
        }
    }

    @Test
    void aRetryWhoseWaitWouldOutlastTheDeadlineIsNotStarted() throws Exception {
        int refused;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            refused = s.getLocalPort();
        }
        List<Integer> retried = new CopyOnWriteArrayList<>();
        ValidationOutcome outcome;
        try (var va = new ValidationAuthority(settings(refused), new ValidationRetries(2, Duration.ofSeconds(5)))) {
            outcome = va.validate(request(), (failure, attempt) -> retried.add(attempt)).get(10, TimeUnit.SECONDS);
        }
        assertThat(outcome).isInstanceOfSatisfying(ValidationOutcome.Invalid.class, i -> {
            assertThat(i.errorType()).isEqualTo("connection");
            assertThat(i.detail()).contains("127.0.0.1:" + refused).doesNotContain("tried");
        });
        assertThat(retried).as("attempts followed by a retry").isEmpty();
    }

    private static ValidationSettings settings(int httpPort) {
        return new ValidationSettings(httpPort, 1, Optional.empty(), AddressPolicy.anyAddress(), List.of("certa.test"), LIMIT, 3, 8192);
    }

    private static ValidationRequest request() {
        return new ValidationRequest("http-01", "ip:127.0.0.1", "tok", "tok.thumb", "https://ca/acct/1");
    }

    /** Answers each request with the first bytes of a status line after {@code stallAfter}, then sends nothing more. */
    private static final class StallingResponder implements AutoCloseable {
        private final ServerSocket server;
        private final AtomicInteger requests = new AtomicInteger();
        private final List<Socket> held = new CopyOnWriteArrayList<>();

        StallingResponder(Duration stallAfter) throws IOException {
            server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        held.add(s);
                        Thread.ofVirtual().start(() -> stall(s, stallAfter));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        private void stall(Socket s, Duration stallAfter) {
            try {
                InputStream in = s.getInputStream();
                in.read(new byte[4096]);
                requests.incrementAndGet();
                Thread.sleep(stallAfter);
                OutputStream out = s.getOutputStream();
                out.write("HTTP/1.1 2".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException | InterruptedException e) {
                // the validator hung up: what the test wants
            }
        }

        int port() {
            return server.getLocalPort();
        }

        int requests() {
            return requests.get();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
