package dev.certa.server.acme;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test class whose every test gets its own running CA ({@link AcmeFixture}: ACME, a loopback DNS server
 * and challenge responders) with an acme4j client and a raw JWS client for it; a subclass may add
 * settings or a clock.
 */
abstract class AcmeCaTest {
    @TempDir
    Path data;
    AcmeFixture fx;
    Acme4jClient client;
    RawAcme raw;

    /** Configuration lines beyond the fixture's (e.g. {@code acme.eab = required}). */
    Map<String, String> settings() {
        return Map.of();
    }

    Clock clock() {
        return Clock.systemUTC();
    }

    @BeforeEach
    final void startCa() throws Exception {
        fx = new AcmeFixture(data, settings(), clock());
        client = new Acme4jClient(fx);
        raw = new RawAcme(fx.ca);
    }

    @AfterEach
    final void stopCa() throws Exception {
        fx.close();
    }
}
