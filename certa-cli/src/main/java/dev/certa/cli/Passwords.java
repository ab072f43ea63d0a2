package dev.certa.cli;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.io.InputFiles;
import dev.certa.core.pem.PasswordSource;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where the CLI gets passwords: --password-file (first line), else the CERTA_PASSWORD environment
 * variable, else a prompt when a terminal is attached. Passwords never appear in output or logs.
 * A command that protects something else than a CA key (a keystore export) names its own option and
 * variable, so the CA key's password is never reused for it silently.
 */
public final class Passwords {
    public static final String VARIABLE = "CERTA_PASSWORD";
    /** The password of keystores and truststores that certa writes: never the CA key's. */
    public static final String KEYSTORE_VARIABLE = "CERTA_KEYSTORE_PASSWORD";

    private final Env env;
    private final Optional<String> file;
    private final String fileOption;
    private final String variable;

    public Passwords(Env env, Optional<String> file) {
        this(env, file, "--password-file", VARIABLE);
    }

    public Passwords(Env env, Optional<String> file, String fileOption, String variable) {
        this.env = env;
        this.file = file;
        this.fileOption = fileOption;
        this.variable = variable;
    }

    /** The password if one was given without prompting. */
    public Optional<char[]> given() {
        if (file.isPresent()) {
            return Optional.of(readFile(file.get()));
        }
        return env.variable(variable).map(String::toCharArray);
    }

    /** For reading encrypted keys and keystores: asks the terminal only when needed. */
    public PasswordSource source() {
        return what -> given().or(() -> env.console().map(c -> c.readPassword("Password for %s: ", what)))
                .filter(p -> p.length > 0);
    }

    /**
     * For protecting a new CA key, on a command that has {@code --no-password}. Prompts twice on a terminal;
     * without any source it is an error unless {@code noPassword} (the user asked for no password).
     */
    public Optional<char[]> forNew(String what, boolean noPassword) {
        if (noPassword) {
            return Optional.empty();
        }
        return Optional.of(required(what, "or pass --no-password to store the key unencrypted"));
    }

    /**
     * For protecting a new key or keystore that must have a password. Prompts twice on a terminal; without
     * any source it is an error whose fix names this command's own ways to give one, then {@code orElse}
     * (another way out that this command offers, or empty).
     */
    public char[] required(String what, String orElse) {
        Optional<char[]> given = given();
        if (given.isPresent()) {
            return given.get();
        }
        if (env.console().isPresent()) {
            var c = env.console().get();
            char[] a = c.readPassword("New password for %s: ", what);
            char[] b = c.readPassword("Repeat the password: ");
            if (a == null || b == null || a.length == 0 || !Arrays.equals(a, b)) {
                throw new CertaException(ErrorKind.USAGE, "the passwords were empty or did not match", "run the command again");
            }
            return a;
        }
        String ignored = !variable.equals(VARIABLE) && env.variable(VARIABLE).isPresent()
                ? " (" + VARIABLE + " is set, but it is the CA key's password and is not used here)" : "";
        throw new CertaException(ErrorKind.USAGE, what + " must be protected by a password and none was given" + ignored,
                "give one with " + fileOption + " FILE or the " + variable + " environment variable, or run on a terminal"
                        + " to be asked" + (orElse.isEmpty() ? "" : ", " + orElse));
    }

    private char[] readFile(String name) {
        var path = env.path(name);
        byte[] bytes = InputFiles.read(path);
        String text = new String(bytes, StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        String first = (nl >= 0 ? text.substring(0, nl) : text).replace("\r", "");
        if (first.isEmpty()) {
            throw new CertaException(ErrorKind.USAGE, fileOption + " " + path + ": the first line is empty",
                    "put the password on the first line of the file");
        }
        return first.toCharArray();
    }
}
