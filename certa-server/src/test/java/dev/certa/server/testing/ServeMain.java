package dev.certa.server.testing;

import dev.certa.server.CertaServer;
import dev.certa.server.config.ConfigLoader;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

/** {@code certa serve} in a child JVM for fault tests: prints "READY <https> <http>" once serving. */
public final class ServeMain {
    private ServeMain() {}

    public static void main(String[] args) throws Exception {
        var config = new ConfigLoader(Path.of(args[0]), Optional.empty(), System.getenv()).load().config();
        CertaServer server = CertaServer.start(config, Clock.systemUTC(), new SecureRandom());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("READY " + server.info().httpsUrl() + " " + server.info().httpUrl());
        System.out.flush();
        server.join();
    }
}
