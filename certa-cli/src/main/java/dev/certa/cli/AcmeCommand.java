package dev.certa.cli;

import picocli.CommandLine.Command;

@Command(name = "acme", description = "Administer the ACME server of a 'certa serve' CA: accounts, External Account Binding keys, early renewals.",
        mixinStandardHelpOptions = true, subcommands = {AcmeAccountsCommand.class, AcmeEabCommand.class, AcmeRenewEarlyCommand.class})
final class AcmeCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
