package dev.certa.cli;

import picocli.CommandLine.Command;

@Command(name = "ca", description = "Create and extend a CA: a root, and intermediates that issue certificates.",
        mixinStandardHelpOptions = true, subcommands = {CaInitCommand.class, CaIntermediateCommand.class})
final class CaCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
