package dev.certa.cli;

import picocli.CommandLine.Command;

@Command(name = "csr", description = "Create certificate signing requests.", mixinStandardHelpOptions = true,
        subcommands = {CsrCreateCommand.class})
final class CsrCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
