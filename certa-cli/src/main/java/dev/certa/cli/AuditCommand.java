package dev.certa.cli;

import dev.certa.server.audit.AuditVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "audit", mixinStandardHelpOptions = true, description = "Check certa serve's audit log.",
        subcommands = AuditCommand.Verify.class)
final class AuditCommand {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check the hash chain of an audit log: a removed, inserted or altered line is reported with its number.",
                "Exit 0 intact, 1 damaged.", "Example: certa audit verify certa-data/audit.log"})
    static final class Verify extends BaseCommand {
        @Parameters(index = "0", paramLabel = "FILE", description = "The audit log (audit.log in the data directory).")
        String file;

        @Override
        int execute() throws Exception {
            Path p = env().path(file);
            if (!Files.isRegularFile(p)) {
                throw new dev.certa.core.error.CertaException(dev.certa.core.error.ErrorKind.NOT_FOUND, p + " is not a file",
                        "give the audit log, e.g. certa-data/audit.log");
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
    }
}
