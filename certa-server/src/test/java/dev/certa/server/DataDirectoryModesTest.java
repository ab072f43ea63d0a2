package dev.certa.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.server.testing.RunningCa;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another local user read the database holding the EAB MAC keys (0644). Every file of the data directory
 * that holds a secret or the audit trail is 0600, the directory 0700, also for a database an older certa
 * left 0644.
 */
class DataDirectoryModesTest {
    @TempDir
    Path dir;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void otherLocalUsersCannotReadTheDatabaseItsWalTheAuditLogOrAnyKey() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (RunningCa ca = RunningCa.start(data, Map.of(), Clock.systemUTC())) {
            // writes after start: an EAB key (a secret in the database) through the admin API
            var eab = ca.client.send(java.net.http.HttpRequest.newBuilder(ca.https("/eab-keys"))
                    .header("Authorization", "Bearer " + Files.readString(data.resolve("admin-token")).trim())
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"label\":\"team\"}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(eab.statusCode()).as(eab.body()).isEqualTo(201);

            assertThat(mode(data)).isEqualTo("rwx------");
            for (String f : List.of("certa.db", "certa.db-wal", "certa.db-shm", "audit.log", "audit.key", "admin-token",
                    "provisioners/default.key.pem")) {
                assertThat(mode(data.resolve(f))).as(f).isEqualTo("rw-------");
            }
        }
        for (String f : List.of("certa.db", "audit.log")) {
            Files.setPosixFilePermissions(data.resolve(f), PosixFilePermissions.fromString("rw-r--r--"));
        }
        try (RunningCa again = RunningCa.start(data, Map.of(), Clock.systemUTC())) {
            assertThat(mode(data.resolve("certa.db"))).as("a database an older certa left 0644").isEqualTo("rw-------");
            assertThat(mode(data.resolve("certa.db-wal"))).isEqualTo("rw-------");
            assertThat(mode(data.resolve("audit.log"))).isEqualTo("rw-------");
        }
    }
}
