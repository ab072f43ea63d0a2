package dev.certa.server.e2e;

import dev.certa.server.testing.RunningCa;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole story on the embedded default store (SQLite). */
class SqliteEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void tokenSignRenewRevokeThenOcspAndCrlSayRevoked() throws Exception {
        try (RunningCa ca = RunningCa.start(dir.resolve("data"))) {
            EndToEndScenario.run(ca, dir);
        }
    }
}
