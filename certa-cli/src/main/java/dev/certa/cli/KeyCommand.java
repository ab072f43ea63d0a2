package dev.certa.cli;

import picocli.CommandLine.Command;

@Command(name = "key", description = "Create private keys.", mixinStandardHelpOptions = true,
        subcommands = {KeyCreateCommand.class})
final class KeyCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
