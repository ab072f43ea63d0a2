package dev.certa.cli;

import picocli.CommandLine.Command;

@Command(name = "cert", description = "Create certificates with their keys in one step.", mixinStandardHelpOptions = true,
        subcommands = {CertCreateCommand.class})
final class CertCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
