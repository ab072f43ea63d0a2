package dev.certa.store;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The node {@link KillDurabilityTest} kills: records certificates from 8 threads as fast as it can and
 * prints each serial once {@code record} has returned, as a CA would hand the certificate out. Beside
 * them, 2 threads walk ACME orders through validation (an order written durably, then the challenge's
 * and the authorization's relaxed updates) and print each challenge once it is valid, as a CA would
 * answer a client's poll.
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
        store.acme().createAccount(new AcmeAccount("acct", "thumb", "{\"kty\":\"EC\"}", List.of(), AcmeStatus.VALID, Instant.now()));
        AtomicLong ids = new AtomicLong();
        for (int t = 0; t < 2; t++) {
            Thread.ofPlatform().start(() -> {
                while (true) {
                    String n = Long.toString(ids.incrementAndGet());
                    Instant now = Instant.now();
                    var challenge = new AcmeChallenge("c" + n, "a" + n, "http-01", "t" + n, AcmeStatus.PENDING, Optional.empty(),
                            Optional.empty());
                    var authorization = new AcmeAuthorization("a" + n, "acct", "dns:n" + n + ".example", AcmeStatus.PENDING,
                            now.plusSeconds(3600), now, List.of(challenge));
                    store.acme().createOrder(new AcmeOrder("o" + n, "acct", AcmeStatus.PENDING, List.of("dns:n" + n + ".example"),
                            List.of("a" + n), now.plusSeconds(3600), Optional.empty(), Optional.empty(), now, "tlsserver",
                            Optional.empty(), Optional.empty()), List.of(authorization), Set.of("n" + n + ".example"));
                    store.acme().startChallenge("c" + n, now);
                    store.acme().validateChallenge("c" + n, "a" + n, now, now.plusSeconds(86_400)); // as the server records a success
                    synchronized (out) {
                        out.println("c" + n + " valid");
                        out.flush();
                    }
                }
            });
        }
        Thread.sleep(Long.MAX_VALUE); // until killed
    }
}
