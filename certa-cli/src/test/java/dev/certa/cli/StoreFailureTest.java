package dev.certa.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.certa.server.CertaServer;
import dev.certa.server.config.ConfigLoader;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged database stopped certa serve with "internal error … This is a bug in certa" and a Java class
 * name. It now says the database is damaged, to stop the server and restore a backup, and how backups are
 * made; exit 1.
 */
class StoreFailureTest {
    @TempDir
    Path dir;

    private Path dataDirectory(String name) throws Exception {
        Path data = dir.resolve(name);
        Files.createDirectories(data);
        Files.writeString(data.resolve("certa.conf"), "https-port = 0\nhttp-port = 0\n");
        return data;
    }

    private CliRunner.Result serve(Path data) {
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> new CliRunner(dir).run("serve", "--data", data.toString()));
    }

    private static void assertSaysDamagedAndWhatToDo(CliRunner.Result r, Path database) {
        assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
        assertThat(r.err()).contains("the SQLite database " + database + " is damaged", "stop certa", "restore",
                "sqlite3 " + database + " \".backup");
        assertThat(r.err()).doesNotContain("bug in certa", "internal error", "Exception", "org.sqlite", "dev.certa", "java.");
    }

    @Test
    void garbageOverTheDatabaseFileSaysItIsNotADatabaseAndToRestoreTheBackup() throws Exception {
        Path data = dataDirectory("notadb");
        byte[] garbage = new byte[16384];
        Arrays.fill(garbage, (byte) 0x5a);
        Files.write(data.resolve("certa.db"), garbage);

        assertSaysDamagedAndWhatToDo(serve(data), data.resolve("certa.db"));
    }

    @Test
    void garbageOverTheDatabasesPagesSaysItIsCorruptAndToRestoreTheBackup() throws Exception {
        Path data = dataDirectory("corrupt");
        CertaServer.start(new ConfigLoader(data, Optional.empty(), Map.of()).load().config(), Clock.systemUTC(), new SecureRandom()).close();
        Path db = data.resolve("certa.db");
        assertThat(Files.size(db)).isGreaterThan(8192);
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            byte[] garbage = new byte[(int) f.length() - 4096];
            Arrays.fill(garbage, (byte) 0x5a);
            f.seek(4096); // keep the header page, so SQLite opens the file and finds its tables damaged
            f.write(garbage);
        }

        assertSaysDamagedAndWhatToDo(serve(data), db);
    }
}
