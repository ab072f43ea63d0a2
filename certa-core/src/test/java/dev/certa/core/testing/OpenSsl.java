package dev.certa.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes keys and CSRs with the openssl command line, for inputs certa refuses to make itself: DSA,
 * RSA-1024 and P-192 keys, CSRs with odd names or asking to be a CA. Files go into {@code dir}.
 */
public final class OpenSsl {
    private final Path dir;

    public OpenSsl(Path dir) {
        this.dir = dir;
    }

    /** An EC key on a curve openssl names, e.g. P-256 or P-192. */
    public Path ecKey(String file, String curve) {
        return run(file, "openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:" + curve, "-out", file);
    }

    public Path rsaKey(String file, int bits) {
        return run(file, "openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:" + bits, "-out", file);
    }

    public Path dsaKey(String file) {
        run(file + ".params", "openssl", "genpkey", "-genparam", "-algorithm", "DSA", "-pkeyopt", "dsa_paramgen_bits:2048",
                "-out", file + ".params");
        return run(file, "openssl", "genpkey", "-paramfile", file + ".params", "-out", file);
    }

    /**
     * A CSR signed by {@code key}. {@code subject} is openssl's slash form ("/O=certa tests");
     * each of {@code addext} is an {@code -addext} value such as "subjectAltName=DNS:10.0.0.1".
     */
    public Path csr(String file, Path key, String subject, String... addext) {
        List<String> cmd = new ArrayList<>(List.of("openssl", "req", "-new", "-key", key.getFileName().toString(),
                "-subj", subject, "-out", file));
        for (String e : addext) {
            cmd.add("-addext");
            cmd.add(e);
        }
        return run(file, cmd.toArray(String[]::new));
    }

    /** A self-signed certificate for {@code key}, e.g. a CA certificate with unusual extensions. */
    public Path selfSigned(String file, Path key, String subject, String... addext) {
        List<String> cmd = new ArrayList<>(List.of("openssl", "req", "-new", "-x509", "-days", "365", "-key",
                key.getFileName().toString(), "-subj", subject, "-out", file));
        for (String e : addext) {
            cmd.add("-addext");
            cmd.add(e);
        }
        return run(file, cmd.toArray(String[]::new));
    }

    /** Runs any openssl command that writes {@code file}. */
    public Path run(String file, String... command) {
        Tools.Result r = Tools.run(dir, command);
        assertThat(r.exitCode()).as("%s%n%s", String.join(" ", command), r.output()).isZero();
        return dir.resolve(file);
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
