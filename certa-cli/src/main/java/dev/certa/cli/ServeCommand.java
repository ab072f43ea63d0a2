package dev.certa.cli;

import dev.certa.server.CertaServer;
import dev.certa.server.ServerInfo;
import dev.certa.server.config.ConfigLoader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the online CA: signing API (HTTPS), CRL, OCSP and CA certificates (HTTP).",
            "On first start with an empty data directory it creates a CA, a default provisioner and an admin token.",
            "Configuration: DATA/certa.conf (see --print-config) and CERTA_* environment variables.",
            "Example: certa serve --data /var/lib/certa"})
final class ServeCommand extends BaseCommand {
    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: $CERTA_DATA or ./certa-data).")
    Optional<String> data = Optional.empty();

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: DATA/certa.conf).")
    Optional<String> config = Optional.empty();

    @Option(names = "--print-config", description = "Print every setting with its value, source and default, then exit.")
    boolean printConfig;

    @Override
    int execute() throws Exception {
        Env env = env();
        Path dataDir = env.path(data.or(() -> Optional.ofNullable(env.variables().get("CERTA_DATA"))).orElse("certa-data"));
        ConfigLoader.Loaded loaded = new ConfigLoader(dataDir, config.map(env::path), env.variables()).load();
        if (printConfig) {
            out().print(ConfigLoader.describe(loaded));
            out().flush();
            return 0;
        }
        CertaServer server = CertaServer.start(loaded.config(), env.clock(), env.random());
        banner(server.info());
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            env.err().println("certa serve: stopping (finishing requests in flight)");
            env.err().flush();
            server.close();
            stopped.countDown();
        }, "certa-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        server.join();
        stopped.await();
        return 0;
    }

    private void banner(ServerInfo i) {
        var o = out();
        o.println("certa serve: ready");
        for (String c : i.created()) {
            o.println("  first start: " + c);
        }
        o.println("  signing API   " + i.httpsUrl() + "  (POST /sign /renew /revoke, GET /certs /roots /chain /health /ready /metrics)");
        o.println("  CRL, OCSP     " + i.httpUrl() + "/crl/" + i.issuerId() + ".crl  " + i.httpUrl() + "/ocsp");
        o.println("  CA cert (AIA) " + i.httpUrl() + "/ca/" + i.issuerId() + ".cer");
        o.println("  root CA       " + i.root().getSubjectX500Principal().getName());
        o.println("  root SHA-256  " + i.rootFingerprint());
        o.println("  database      " + i.database());
        o.println("  provisioners  " + String.join(", ", i.provisioners()));
        o.println("  admin token   " + i.adminTokenFile());
        o.println("Clients: fetch the root with 'curl -k " + i.httpsUrl() + "/roots -o root.pem' and check its SHA-256 against the line above.");
        o.flush();
    }
}
