package dev.certa.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.security.InvalidKeyException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * Server faults as a client sees them: a 500 problem with a reference id and nothing else (no
 * exception class, no message), and one log line with that id and the stack, whether the fault is
 * caught by the router or escapes to Jetty.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerFaultTest {
    private static final Pattern REFERENCE =
            Pattern.compile("^internal error, reference ([0-9a-f-]{36}); the server log has the details$");
    private Server jetty;
    private int port;

    @BeforeAll
    void start() throws Exception {
        Json json = new Json();
        Router router = new Router(json, 1024, new SimpleMeterRegistry());
        router.add("GET", "/key", "key", Router.Exposure.PUBLIC, r -> {
            throw new IllegalStateException("signing failed", new InvalidKeyException("java.security.InvalidKeyException: bad"));
        });
        router.add("GET", "/store", "store", Router.Exposure.PUBLIC, r -> {
            throw new CertaException(ErrorKind.IO, "the database timed out", null, new TimeoutException("pool"));
        });
        router.add("GET", "/escapes", "escapes", Router.Exposure.PUBLIC, r -> {
            throw new AssertionError("java.util.concurrent.TimeoutException: past the router");
        });
        router.add("GET", "/csr-key", "csr-key", Router.Exposure.PUBLIC, r -> {
            throw new CertaException(ErrorKind.UNSUPPORTED_KEY, "the public key cannot be loaded (java.security.spec.InvalidKeySpecException:"
                    + " java.security.InvalidKeyException: RSA exponent too large)", "use an RSA key with e = 65537", null);
        });
        router.add("GET", "/validation", "validation", Router.Exposure.PUBLIC, r -> {
            throw ProblemException.badRequest("validation", "validation failed unexpectedly (TimeoutException); try again");
        });
        jetty = new Server();
        ServerConnector c = new ServerConnector(jetty);
        c.setHost("127.0.0.1");
        c.setPort(0);
        jetty.addConnector(c);
        jetty.setHandler(router);
        jetty.setErrorHandler(new ProblemErrorHandler(json));
        jetty.start();
        port = c.getLocalPort();
    }

    @AfterAll
    void stop() throws Exception {
        jetty.stop();
    }

    @Test
    void aRefusalBuiltFromALibraryMessageKeepsTheWordsAndLosesTheClassNames() throws Exception {
        RawHttp.Answer key = RawHttp.get(port, null, "/csr-key");
        RawHttp.Answer timeout = RawHttp.get(port, null, "/validation");

        assertThat(key.status()).isEqualTo(400);
        assertThat(key.contentType()).isEqualTo("application/problem+json");
        assertThat(new ObjectMapper().readTree(key.body()).get("detail").asText())
                .isEqualTo("the public key cannot be loaded (RSA exponent too large); use an RSA key with e = 65537");
        assertThat(new ObjectMapper().readTree(timeout.body()).get("detail").asText())
                .isEqualTo("validation failed unexpectedly; try again");
    }

    @Test
    void aLibraryExceptionInAnEndpointShowsOnlyAReferenceThatTheLogLineCarriesWithTheStack() throws Exception {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        try {
            for (String path : List.of("/key", "/store", "/escapes")) {
                RawHttp.Answer a = RawHttp.get(port, null, path);

                assertThat(a.status()).as(path).isEqualTo(500);
                assertThat(a.contentType()).isEqualTo("application/problem+json");
                JsonNode p = new ObjectMapper().readTree(a.body());
                assertThat(p.get("type").asText()).isEqualTo("urn:certa:problem:internal");
                Matcher m = REFERENCE.matcher(p.get("detail").asText());
                assertThat(m.matches()).as(a.body()).isTrue();
                assertThat(a.body()).doesNotContain("Exception", "java.", "signing failed", "timed out", "router");
                String id = m.group(1);
                assertThat(log.list).as(path).anySatisfy(e -> {
                    assertThat(e.getFormattedMessage()).contains(id);
                    assertThat(e.getThrowableProxy()).isNotNull();
                });
            }
        } finally {
            root.detachAppender(log);
        }
    }
}
