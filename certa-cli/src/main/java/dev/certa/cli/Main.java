package dev.certa.cli;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.store.StoreException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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

    /** The top-level commands, in the order help lists them. */
    private static final List<String> COMMANDS =
            List.of("ca", "cert", "sign", "key", "csr", "inspect", "verify", "probe", "bundle", "export", "convert",
                    "serve", "token", "renew", "revoke", "certs", "crl", "acme", "audit", "help");

    // A switch rather than a map of constructor references: the JDK's AOT cache cannot archive lambdas
    // that point at picocli's (pre-Java-6 class file) classes.
    private static Object newCommand(String name) {
        return switch (name) {
            case "ca" -> new CaCommand();
            case "cert" -> new CertCommand();
            case "sign" -> new SignCommand();
            case "key" -> new KeyCommand();
            case "csr" -> new CsrCommand();
            case "inspect" -> new InspectCommand();
            case "verify" -> new VerifyCommand();
            case "probe" -> new ProbeCommand();
            case "bundle" -> new BundleCommand();
            case "export" -> new ExportCommand();
            case "convert" -> new ConvertCommand();
            case "serve" -> new ServeCommand();
            case "token" -> new TokenCommand();
            case "renew" -> new RenewCommand();
            case "revoke" -> new RevokeCommand();
            case "certs" -> new CertsCommand();
            case "crl" -> new CrlCommand();
            case "acme" -> new AcmeCommand();
            case "audit" -> new AuditCommand();
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /**
     * Picocli reflects over every registered command when it starts; registering only the command
     * being run saves most of certa's start-up time. Help and unknown commands get all of them.
     */
    private static void registerSubcommands(CommandLine cl, String[] args) {
        String first = Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse("");
        if (COMMANDS.contains(first) && !first.equals("help")) {
            cl.addSubcommand(first, newCommand(first));
            return;
        }
        for (String name : COMMANDS) {
            cl.addSubcommand(name, newCommand(name));
        }
    }

    private static Optional<StoreException> storeFailure(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof StoreException s) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Runs certa with an injected environment; returns the exit code. */
    public static int run(Env env, String... args) {
        boolean debug = Arrays.asList(args).contains("--debug");
        CommandLine cl = new CommandLine(new CertaCommand(env));
        registerSubcommands(cl, args);
        cl.setOut(env.out());
        cl.setErr(env.err());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // plain text: picocli's colour auto-detection asks for the terminal, which costs start-up time
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof CertaException ce) {
                env.err().println("certa: " + ce.describe());
                if (debug) {
                    ce.printStackTrace(env.err());
                }
                env.err().flush();
                return ce.kind() == ErrorKind.USAGE ? 2 : 1;
            }
            Optional<StoreException> store = storeFailure(ex);
            if (store.isPresent()) { // the database failed or is damaged: its message says what happened and what to do
                env.err().println("certa: " + store.get().getMessage());
                if (debug) {
                    ex.printStackTrace(env.err());
                }
                env.err().flush();
                return 1;
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
