package dev.certa.cli;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.io.OutputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A one-time token for {@code sign --server}, from where other users of the machine cannot read it: a
 * file ({@code --token-file}), standard input ({@code --token -} or {@code --token-file -}) or
 * {@code CERTA_TOKEN}. A token typed on the command line still works, with a warning: every user can read
 * a process's arguments (ps, /proc) while it runs, and redeem the token first.
 */
final class OneTimeToken {
    static final String STDIN = "-";
    private static final int MAX_TOKEN = 64 * 1024;

    private OneTimeToken() {}

    static Optional<String> read(Env env, Optional<String> onCommandLine, Optional<String> file) {
        if (onCommandLine.isPresent() && file.isPresent()) {
            throw new CertaException(ErrorKind.USAGE, "--token and --token-file cannot be used together", "give the token once");
        }
        if (onCommandLine.filter(STDIN::equals).or(() -> file.filter(STDIN::equals)).isPresent()) {
            return Optional.of(nonEmpty(readStdin(env), "standard input"));
        }
        if (onCommandLine.isPresent()) {
            env.err().println("certa: warning: a token given with --token can be read by other users of this machine while"
                    + " certa runs (process list); pass it with --token-file FILE, --token - (standard input) or CERTA_TOKEN");
            env.err().flush();
            return Optional.of(nonEmpty(onCommandLine.get(), "--token"));
        }
        if (file.isPresent()) {
            return Optional.of(nonEmpty(new String(OutputFiles.read(env.path(file.get())), StandardCharsets.US_ASCII), file.get()));
        }
        return env.variable("CERTA_TOKEN").map(t -> nonEmpty(t, "CERTA_TOKEN"));
    }

    private static String readStdin(Env env) {
        try {
            InputStream in = env.stdin().get();
            return new String(in.readNBytes(MAX_TOKEN), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new CertaException(ErrorKind.IO, "cannot read the token from standard input: " + e.getMessage(),
                    "pipe the token in, e.g. certa token NAME --key KEY | certa sign F.csr --server URL --token -");
        }
    }

    private static String nonEmpty(String token, String from) {
        String t = token.strip();
        if (t.isEmpty()) {
            throw new CertaException(ErrorKind.USAGE, "the token from " + from + " is empty",
                    "mint one with 'certa token NAME --key PROVISIONER-KEY'");
        }
        return t;
    }
}
