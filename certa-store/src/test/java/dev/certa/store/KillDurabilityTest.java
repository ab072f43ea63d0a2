package dev.certa.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a node under load never loses a certificate it handed out: a child JVM records
 * certificates and prints each serial after {@code record} returns; the test kills it with SIGKILL in
 * the middle of that, reopens the store, and finds every printed serial. ACME validation results, which
 * the store may flush to disk later than it reports them (a power loss could undo them), must survive
 * the kill as well: every challenge the child printed as valid is valid, and so is its authorization.
 */
class KillDurabilityTest {
    private static final int HANDED_OUT_BEFORE_KILL = 3_000;

    @TempDir
    Path directory;

    @Test
    void sqliteKeepsEveryCertificateHandedOutBeforeSigkill() throws Exception {
        Path file = directory.resolve("certa.db");

        // while the child has it open, another process is refused, with the reason, and changes nothing
        List<String> printed = runAndKill(List.of("sqlite", file.toString()), () -> assertThatThrownBy(
                () -> Stores.open(new StoreConfig.Sqlite(file)).close())
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is in use by another process")
                .hasMessageContaining("PostgreSQL"));

        try (CertaStore store = Stores.open(new StoreConfig.Sqlite(file))) { // the kill released the lock
            assertEveryOneRecorded(store, printed);
        }
    }

    @Test
    void postgresKeepsEveryCertificateHandedOutBeforeSigkill() throws Exception {
        var database = new PostgresTestDatabase();
        try {
            database.open().close(); // migrate first: the child should spend its life recording
            List<String> printed = runAndKill(
                    List.of("postgres", PostgresTestDatabase.URL, PostgresTestDatabase.USER, database.schema()), () -> { });

            try (CertaStore store = database.open()) {
                assertEveryOneRecorded(store, printed);
            }
        } finally {
            database.cleanUp();
        }
    }

    private static void assertEveryOneRecorded(CertaStore store, List<String> printed) {
        List<BigInteger> handedOut = printed.stream()
                .filter(line -> line.endsWith(" handed out")) // a line cut short by the kill was never complete
                .map(line -> new BigInteger(line.substring(0, line.indexOf(' ')), 16))
                .toList();
        assertThat(handedOut).as("serials the child printed").hasSizeGreaterThanOrEqualTo(HANDED_OUT_BEFORE_KILL);
        List<String> lost = new ArrayList<>();
        for (BigInteger serial : handedOut) {
            if (store.certificates().find(serial).isEmpty()) {
                lost.add(serial.toString(16));
            }
        }
        assertThat(lost).as("serials handed out but not recorded (of %d)", handedOut.size()).isEmpty();
        assertThat(store.certificates().count()).isGreaterThanOrEqualTo(handedOut.size());

        List<String> valid = printed.stream().filter(line -> line.endsWith(" valid")).map(line -> line.substring(0, line.indexOf(' ')))
                .toList();
        assertThat(valid).as("challenges the child reported valid").isNotEmpty();
        List<String> undone = new ArrayList<>();
        for (String challenge : valid) {
            String authorization = "a" + challenge.substring(1);
            if (store.acme().challenge(challenge).map(AcmeChallenge::status).orElse(null) != AcmeStatus.VALID
                    || store.acme().authorization(authorization).map(AcmeAuthorization::status).orElse(null) != AcmeStatus.VALID) {
                undone.add(challenge);
            }
        }
        assertThat(undone).as("validations reported but not kept (of %d)", valid.size()).isEmpty();
    }

    /** Runs the child until it has handed out enough, runs {@code whileRunning}, and kills the child. */
    private List<String> runAndKill(List<String> arguments, Runnable whileRunning) throws Exception {
        Path errors = directory.resolve("child-stderr.txt");
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"),
                DurabilityChild.class.getName()));
        command.addAll(arguments);
        Process child = new ProcessBuilder(command).redirectError(errors.toFile()).start();

        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = Thread.ofPlatform().start(() -> {
            try (BufferedReader in = child.inputReader()) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("read failed: " + e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (lines.stream().filter(line -> line.endsWith(" handed out")).count() < HANDED_OUT_BEFORE_KILL && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        boolean wasAlive = child.isAlive();
        try {
            whileRunning.run();
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no flushing, no closing
        }
        child.waitFor(30, TimeUnit.SECONDS);
        reader.join(30_000);

        assertThat(wasAlive).as("the child was still running when killed; its stderr: %s", Files.readString(errors)).isTrue();
        assertThat(lines.stream().filter(line -> line.endsWith(" handed out")).count())
                .as("serials the child printed; its stderr: %s", Files.readString(errors))
                .isGreaterThanOrEqualTo(HANDED_OUT_BEFORE_KILL);
        return List.copyOf(lines);
    }
}
