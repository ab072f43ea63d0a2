package dev.certa.cli;

import dev.certa.core.issue.Issuer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every certa command shares: the injected environment and the output streams. */
abstract class BaseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    Env env() {
        return ((CertaCommand) spec.root().userObject()).env();
    }

    PrintWriter out() {
        return env().out();
    }

    PrintWriter err() {
        return env().err();
    }

    Issuer issuer() {
        return new Issuer(env().clock(), env().random());
    }

    @Override
    public final Integer call() throws Exception {
        return execute();
    }

    abstract int execute() throws Exception;
}
