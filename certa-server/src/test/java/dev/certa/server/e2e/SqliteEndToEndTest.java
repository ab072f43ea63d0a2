package dev.certa.server.e2e;

import dev.certa.server.testing.RunningCa;
import java.nio.file.Files;
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

    @Test
    void withADelegatedOcspResponderOpensslStillVerifiesTheAnswers() throws Exception {
        try (RunningCa ca = RunningCa.start(dir.resolve("delegated"), java.util.Map.of("ocsp.responder", "delegated"),
                java.time.Clock.systemUTC())) {
            Path work = Files.createDirectories(dir.resolve("work-delegated"));
            EndToEndScenario.run(ca, work);
            var text = dev.certa.core.testing.Tools.run(work, "openssl", "ocsp", "-issuer", "int.pem", "-cert", "first.pem", "-url",
                    ca.info.httpUrl().toString().replace("localhost", "127.0.0.1") + "/ocsp", "-CAfile", "chain.pem", "-resp_text");
            org.assertj.core.api.Assertions.assertThat(text.output()).as(text.output())
                    .contains("Response verify OK", "CN=certa OCSP Responder", "OCSP Signing", "OCSP No Check", "first.pem: good");
        }
    }
}
