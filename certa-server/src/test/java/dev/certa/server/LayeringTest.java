package dev.certa.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The split by who may touch what: the front end ({@code http}, {@code api}) and the registration
 * authority ({@code ra}) never reach the CA's key — no CA directory, no key loading, no signer, no
 * certificate authority object. (Choosing a crypto provider to verify a token with is not a key.) Only {@code signing} (and the start-up wiring) hold it.
 */
class LayeringTest {
    private static final List<String> KEY_HOLDERS = List.of("import dev.certa.core.ca.", "import dev.certa.core.key.",
            "import dev.certa.core.crypto.IssuerKey", "import dev.certa.core.issue.CertificateAuthority", "import dev.certa.core.issue.Issuer;",
            "import dev.certa.core.revocation.CrlBuilder", "import dev.certa.core.revocation.OcspIssuer");

    @Test
    void theFrontEndAndTheRaNeverImportWhatHoldsTheCaKey() throws IOException {
        List<String> violations = new ArrayList<>();
        for (String pkg : List.of("http", "api", "ra", "acme")) {
            Path dir = Path.of("src/main/java/dev/certa/server", pkg);
            assertThat(dir).isDirectory();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    for (String line : Files.readAllLines(f)) {
                        if (KEY_HOLDERS.stream().anyMatch(line::startsWith) || line.contains("SigningService") && pkg.equals("ra")) {
                            violations.add(f.getFileName() + ": " + line);
                        }
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    /**
     * One RA path: the front ends ({@code api} for tokens and renewals, {@code acme}) hand requests to the
     * registration authority, which alone asks the signer; neither front end reaches the signing package
     * (not its service, not its types), so no request can be signed without the RA's checks. The RA
     * itself reaches the signer only through its seams ({@code CertificateSigning}, {@code AcmeIssuance}),
     * wired at start-up.
     */
    @Test
    void theFrontEndsIssueOnlyThroughTheRaNeverTheSigningPackage() throws IOException {
        List<String> violations = new ArrayList<>();
        for (String pkg : List.of("api", "acme", "http", "ra")) {
            Path dir = Path.of("src/main/java/dev/certa/server", pkg);
            assertThat(dir).isDirectory();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(f);
                    if (text.contains("dev.certa.server.signing") || text.contains("SigningService")) {
                        violations.add(f.getFileName().toString());
                    }
                }
            }
        }
        assertThat(violations).as("front-end files that reach the signing package").isEmpty();
    }

    /** The validation authority talks to the Internet: it must not be able to sign anything. */
    @Test
    void theValidationAuthorityHoldsNoKeyAndCannotSign() throws IOException {
        List<String> forbidden = List.of("import dev.certa.server.signing", "import dev.certa.core.key", "import dev.certa.core.ca",
                "import dev.certa.core.issue", "import dev.certa.core.crypto", "import dev.certa.server.ra", "import dev.certa.server.acme",
                "import dev.certa.store");
        Path dir = Path.of("src/main/java/dev/certa/server/va");
        assertThat(dir).isDirectory();
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (forbidden.stream().anyMatch(line::startsWith) || line.contains("SigningService")) {
                        violations.add(f.getFileName() + ": " + line);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theLibraryNeverImportsTheServer() throws IOException {
        Path core = Path.of("../certa-core/src/main/java");
        try (Stream<Path> files = Files.walk(core)) {
            List<String> bad = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return Files.readString(p).contains("import dev.certa.server") || Files.readString(p).contains("import dev.certa.store");
                } catch (IOException e) {
                    return true;
                }
            }).map(Path::toString).toList();
            assertThat(bad).isEmpty();
        }
    }
}
