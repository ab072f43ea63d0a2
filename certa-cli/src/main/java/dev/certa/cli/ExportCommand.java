package dev.certa.cli;

import picocli.CommandLine.Command;

@Command(name = "export", description = "Keystores and truststores for Java servers and clients.", mixinStandardHelpOptions = true,
        subcommands = {ExportKeystoreCommand.Pkcs12.class, ExportKeystoreCommand.Jks.class, ExportTruststoreCommand.class})
final class ExportCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
