package dev.certa.cli;

import dev.certa.core.profile.NameConstraintRules;
import dev.certa.core.profile.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import picocli.CommandLine.Option;

/** How an intermediate CA is limited, shared by 'ca init' and 'ca intermediate'. */
final class IntermediateOptions {
    @Option(names = "--path-len", defaultValue = "0",
            description = "Path length of the intermediate (0, the default: it signs leaf certificates only).")
    int pathLen;

    @Option(names = "--permit", split = ",", paramLabel = "NAME",
            description = "Name constraint: the intermediate may only sign for these (example.com, 10.0.0.0/8, @example.com).")
    List<String> permit = new ArrayList<>();

    @Option(names = "--exclude", split = ",", paramLabel = "NAME", description = "Name constraint: names it may not sign for.")
    List<String> exclude = new ArrayList<>();

    Profile.IntermediateCa profile() {
        return new Profile.IntermediateCa(OptionalInt.of(pathLen), new NameConstraintRules(permit, exclude));
    }
}
