package dev.certa.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
        name = "certa",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "A certificate authority and TLS-trust toolkit.",
            "",
            "Start with 'certa ca init' (a root CA and an intermediate), then 'certa cert create NAME'",
            "or 'certa sign FILE.csr'. 'certa inspect FILE' explains any certificate, CSR or key."
        },
        // subcommands are registered by Main (only the one invoked, to keep start-up fast)
        subcommands = {})
public final class CertaCommand implements Runnable {
    private final Env env;

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show stack traces of errors.")
    boolean debug;

    public CertaCommand(Env env) {
        this.env = env;
    }

    public Env env() {
        return env;
    }

    @Override
    public void run() {
        spec.commandLine().usage(env.out());
    }
}
