package dev.certa.cli;

import picocli.CommandLine.Command;

@Command(name = "eab", description = {"External Account Binding keys (RFC 8555 section 7.3.4): with acme.eab = required,",
    "an ACME client creates an account only with a key id and MAC key an admin made here."},
        mixinStandardHelpOptions = true, subcommands = {AcmeEabAddCommand.class, AcmeEabListCommand.class, AcmeEabRevokeCommand.class})
final class AcmeEabCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
