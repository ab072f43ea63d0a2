package dev.certa.store;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The node {@link KillDurabilityTest} kills: records certificates from 8 threads as fast as it can and
 * prints each serial once {@code record} has returned, as a CA would hand the certificate out.
 *
 * <p>{@code DurabilityChild sqlite FILE} or {@code DurabilityChild postgres URL USER SCHEMA}.
 */
public final class DurabilityChild {
    private DurabilityChild() {}

    public static void main(String[] args) throws Exception {
        StoreConfig config = args[0].equals("sqlite")
                ? new StoreConfig.Sqlite(Path.of(args[1]))
                : new StoreConfig.Postgres(args[1], args[2], "", args[3], 8);
        CertaStore store = Stores.open(config);
        PrintStream out = System.out;
        out.println("ready");
        out.flush();
        for (int t = 0; t < 8; t++) {
            Thread.ofPlatform().start(() -> {
                while (true) {
                    IssuedCertificateRecord record = Certificates.any().record();
                    store.certificates().record(record);
                    synchronized (out) {
                        out.println(record.serial().toString(16) + " handed out");
                        out.flush();
                    }
                }
            });
        }
        Thread.sleep(Long.MAX_VALUE); // until killed
    }
}
