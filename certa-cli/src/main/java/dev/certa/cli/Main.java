package dev.certa.cli;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * The {@code certa} command. Exit codes: 0 success, 1 a refused operation (lint, bad input, wrong
 * password…), 2 a usage error. Errors are one short paragraph; {@code --debug} adds the stack trace.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code = run(Env.system(), args);
        System.out.flush();
        System.exit(code);
    }

    /** Runs certa with an injected environment; returns the exit code. */
    public static int run(Env env, String... args) {
        boolean debug = Arrays.asList(args).contains("--debug");
        CommandLine cl = new CommandLine(new CertaCommand(env));
        cl.setOut(env.out());
        cl.setErr(env.err());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof CertaException ce) {
                env.err().println("certa: " + ce.describe());
                if (debug) {
                    ce.printStackTrace(env.err());
                }
                env.err().flush();
                return ce.kind() == ErrorKind.USAGE ? 2 : 1;
            }
            env.err().println("certa: internal error: " + ex);
            if (debug) {
                ex.printStackTrace(env.err());
            } else {
                env.err().println("This is a bug in certa; run again with --debug for details and report it.");
            }
            env.err().flush();
            return 1;
        });
        cl.setParameterExceptionHandler((ex, params) -> {
            CommandLine c = ex.getCommandLine();
            env.err().println("certa: " + ex.getMessage());
            env.err().println("Usage: " + c.getCommandSpec().qualifiedName() + " --help shows the options.");
            env.err().flush();
            return 2;
        });
        int code = cl.execute(args);
        env.out().flush();
        env.err().flush();
        return code;
    }
}
