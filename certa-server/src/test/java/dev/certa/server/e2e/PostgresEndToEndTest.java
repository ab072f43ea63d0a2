package dev.certa.server.e2e;

import dev.certa.server.testing.Postgres;
import dev.certa.server.testing.RunningCa;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole story on PostgreSQL (the real server at 127.0.0.1:5432, a fresh schema). */
class PostgresEndToEndTest {
    @TempDir
    Path dir;
    private final Postgres pg = new Postgres();

    @AfterEach
    void dropSchema() {
        pg.drop();
    }

    @Test
    void tokenSignRenewRevokeThenOcspAndCrlSayRevoked() throws Exception {
        try (RunningCa ca = RunningCa.start(dir.resolve("data"), pg.settings(), Clock.systemUTC())) {
            EndToEndScenario.run(ca, dir);
        }
    }
}
