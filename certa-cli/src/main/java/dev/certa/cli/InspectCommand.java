package dev.certa.cli;

import picocli.CommandLine.Command;

/** Placeholder replaced when the inspection package lands. */
@Command(name = "inspect", hidden = true)
final class InspectCommand extends BaseCommand {
    @Override
    int execute() {
        throw new UnsupportedOperationException();
    }
}
