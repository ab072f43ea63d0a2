package dev.certa.cli;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.server.audit.AnchorCheck;
import dev.certa.server.audit.AuditAnchor;
import dev.certa.server.audit.AuditKey;
import dev.certa.server.audit.AuditVerifier;
import dev.certa.server.config.ConfigLoader;
import dev.certa.server.config.ServerConfig;
import dev.certa.store.CertaStore;
import dev.certa.store.StoreConfig;
import dev.certa.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "audit", mixinStandardHelpOptions = true, description = "Check certa serve's audit log.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Acknowledge.class})
final class AuditCommand {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check the hash chain of an audit log: a removed, inserted or altered line is reported with its number.",
                "With --data, also compare the log with the checkpoint certa serve keeps in its database, which shows a deleted"
                    + " log and a cut-off tail (stop certa serve first when it uses SQLite).",
                "Exit 0 intact, 1 damaged.", "Examples: certa audit verify certa-data/audit.log", "          certa audit verify --data certa-data"})
    static final class Verify extends BaseCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The audit log (audit.log in the data directory).")
        Optional<String> file = Optional.empty();

        @Option(names = "--data", paramLabel = "DIR", description = "certa serve's data directory: check the log against its checkpoint.")
        Optional<String> data = Optional.empty();

        @Override
        int execute() throws Exception {
            if (file.isPresent() == data.isPresent()) {
                throw new CertaException(ErrorKind.USAGE, "give either the audit log FILE or --data DIR",
                        "certa audit verify --data certa-data checks the log against the database's checkpoint");
            }
            if (data.isPresent()) {
                return verifyAnchored(env(), data.get());
            }
            Path p = env().path(file.get());
            if (!Files.isRegularFile(p)) {
                throw new CertaException(ErrorKind.NOT_FOUND, p + " is not a file", "give the audit log, e.g. certa-data/audit.log");
            }
            AuditVerifier.Result r = AuditVerifier.verify(p);
            if (r.intact()) {
                out().println(p + ": intact, " + r.lines() + " entries, chain head " + r.lastHash());
                return 0;
            }
            out().println(p + ": DAMAGED at " + r.problem());
            out().println("  the first " + r.lines() + " entries are intact; keep the file as evidence");
            return 1;
        }

        private int verifyAnchored(Env env, String dir) {
            ServerConfig config = config(env, dir);
            try (CertaStore store = openStore(config)) {
                AnchorCheck check = anchor(config, store).check();
                if (check.sound()) {
                    out().println(config.auditLog() + ": " + check.verdict().label() + ", " + check.finding());
                    return 0;
                }
                out().println(config.auditLog() + ": " + check.verdict().label() + ": " + check.finding());
                out().println("  keep the log and the database as evidence; certa serve refuses to start until '"
                        + AuditAnchor.ACKNOWLEDGE + "' records the finding");
                return 1;
            }
        }
    }

    @Command(name = "acknowledge", mixinStandardHelpOptions = true,
            description = {"After investigating why certa serve refused its audit log (deleted, truncated, replaced), record that"
                    + " finding in the log and anchor the log as it is now, so that certa serve starts again.",
                "A log whose chain is broken (an edited line) must be moved aside first: a new chain begins.",
                "Run it with certa serve stopped.", "Example: certa audit acknowledge --data certa-data --by 'alice, ticket 42'"})
    static final class Acknowledge extends BaseCommand {
        @Option(names = "--data", required = true, paramLabel = "DIR", description = "certa serve's data directory.")
        String data;

        @Option(names = "--by", required = true, paramLabel = "WHO", description = "Who acknowledges, recorded in the log.")
        String by;

        @Override
        int execute() {
            Env env = env();
            ServerConfig config = config(env, data);
            try (CertaStore store = openStore(config)) {
                AnchorCheck check = anchor(config, store).acknowledge(env.clock(), env.random(),
                        config.publicHost() + ":" + config.httpsPort(), "operator:" + by);
                out().println(config.auditLog() + ": " + check.verdict().label() + ": " + check.finding());
                out().println("  recorded in the log as acknowledged by " + by + "; the log is anchored again");
                return 0;
            }
        }
    }

    static ServerConfig config(Env env, String dir) {
        Path dataDir = env.path(dir);
        if (!Files.isDirectory(dataDir)) {
            throw new CertaException(ErrorKind.NOT_FOUND, dataDir + " is not a directory", "give certa serve's data directory");
        }
        ServerConfig config = new ConfigLoader(dataDir, Optional.empty(), env.variables()).load().config();
        if (config.store() instanceof StoreConfig.Sqlite sqlite && !Files.exists(sqlite.file())) {
            throw new CertaException(ErrorKind.NOT_FOUND, "there is no certa database at " + sqlite.file(),
                    "give the data directory certa serve runs with");
        }
        return config;
    }

    static CertaStore openStore(ServerConfig config) {
        return Stores.open(config.store());
    }

    static AuditAnchor anchor(ServerConfig config, CertaStore store) {
        return new AuditAnchor(config.auditLog(), config.dataDir().resolve(AuditKey.FILE_NAME), store);
    }
}
