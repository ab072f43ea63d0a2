package dev.certa.cli;

import dev.certa.core.io.InputFiles;
import dev.certa.core.path.TrustStore;
import dev.certa.core.path.TrustStores;
import dev.certa.core.pem.PasswordSource;
import dev.certa.core.pem.Pkcs12Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Which roots to trust, shared by verify, probe and bundle: --roots FILE|DIR|system|jdk (repeatable)
 * and --system. With neither, the operating system's trust store is used, as most clients do.
 */
final class TrustOptions {
    /** What JDK and most Java truststores use when nobody chose a password. */
    static final String DEFAULT_TRUSTSTORE_PASSWORD = "changeit";

    @Option(names = "--roots", paramLabel = "FILE|DIR|STORE",
            description = "Trust the roots in a PEM bundle, a directory of PEM files, a .p12/.jks truststore, "
                    + "or a named store: 'system' (the OS bundle) or 'jdk' (the JDK's cacerts). Repeatable. "
                    + "Default: the system store.")
    List<String> roots = new ArrayList<>();

    @Option(names = "--system", description = "Also trust the operating system's roots (added to --roots).")
    boolean system;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Password of .p12/.jks truststores and of an encrypted --key (else CERTA_PASSWORD; "
                    + "truststores default to 'changeit').")
    Optional<String> passwordFile = Optional.empty();

    /** The stores, in the order given; the system store when none was named. */
    List<TrustStore> load(Env env) {
        List<TrustStore> stores = new ArrayList<>();
        for (String spec : roots) {
            stores.add(load(env, spec));
        }
        if (system || roots.isEmpty()) {
            stores.add(TrustStores.system(env.variables()));
        }
        return stores;
    }

    Passwords passwords(Env env) {
        return new Passwords(env, passwordFile);
    }

    private TrustStore load(Env env, String spec) {
        switch (spec.toLowerCase(Locale.ROOT)) {
            case "system":
                return TrustStores.system(env.variables());
            case "jdk":
                return TrustStores.jdk();
            default:
                break;
        }
        Path p = env.path(spec);
        if (Files.isDirectory(p)) {
            return TrustStores.fromDirectory(p);
        }
        byte[] data = InputFiles.read(p);
        if (Pkcs12Reader.isKeystore(data)) {
            char[] password = passwords(env).given()
                    .orElse(DEFAULT_TRUSTSTORE_PASSWORD.toCharArray());
            return TrustStores.fromKeystore(data, spec, PasswordSource.of(password));
        }
        return TrustStores.fromPem(data, spec);
    }
}
