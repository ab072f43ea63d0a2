package dev.certa.server;

import dev.certa.core.ca.CaDirectory;
import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.io.InputFiles;
import dev.certa.core.io.OutputFiles;
import dev.certa.core.issue.CaUrls;
import dev.certa.core.issue.CertificateAuthority;
import dev.certa.core.issue.Issuer;
import dev.certa.core.key.KeyType;
import dev.certa.core.pem.PasswordSource;
import dev.certa.core.pem.PemWriter;
import dev.certa.core.profile.Profile;
import dev.certa.server.config.ProvisionerConfig;
import dev.certa.server.config.ServerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * First-start work: creates what an empty data directory lacks (a CA, the admin token, a default
 * provisioner) and reports what it created; on later starts it only loads.
 */
final class Bootstrap {
    static final String DEFAULT_PROVISIONER = "default";
    private final ServerConfig config;
    private final Issuer issuer;
    private final SecureRandom random;
    private final List<String> created = new ArrayList<>();

    Bootstrap(ServerConfig config, Issuer issuer, SecureRandom random) {
        this.config = config;
        this.issuer = issuer;
        this.random = random;
    }

    /**
     * Makes the data directory certa's user's alone (0700): it holds the database with its secrets, the
     * audit log and its key, the admin token and the provisioner key. Created so if missing, narrowed if not.
     */
    void secureDataDirectory() {
        Path dir = config.dataDir();
        try {
            Files.createDirectories(dir);
            if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (java.io.IOException e) {
            throw new CertaException(ErrorKind.IO, "cannot make the data directory " + dir + " private to certa's user: "
                    + e.getMessage(), "run certa as the owner of the data directory, or choose another one");
        }
    }

    /** What this start created, one line each, for the banner. */
    List<String> created() {
        return List.copyOf(created);
    }

    /** The issuing CA with its key, creating root and intermediate on first start. */
    CertificateAuthority issuingCa() {
        CaDirectory dir = new CaDirectory(config.caDir());
        Optional<char[]> password = password();
        if (!Files.exists(dir.rootCertificatePath())) {
            dir.init(new CaDirectory.InitSpec(config.caName(), KeyType.EC_P256, Duration.ofDays(3650),
                    Optional.of(new CaDirectory.IntermediateSpec(CaDirectory.DEFAULT_INTERMEDIATE,
                            config.caName() + " Intermediate CA", KeyType.EC_P256, Duration.ofDays(1825),
                            Profile.IntermediateCa.issuingLeavesOnly())),
                    CaUrls.NONE), password, issuer, random, false);
            created.add("created a CA in " + config.caDir() + " (root and intermediate, EC P-256"
                    + (password.isPresent() ? ", keys encrypted" : ", keys unencrypted, mode 0600") + ")");
        }
        List<String> slugs = dir.intermediateSlugs();
        if (slugs.isEmpty()) {
            throw new CertaException(ErrorKind.NOT_FOUND, "the CA in " + config.caDir() + " has no intermediate to issue with",
                    "create one with 'certa ca intermediate NAME --dir " + config.caDir() + "'");
        }
        String slug = slugs.contains(CaDirectory.DEFAULT_INTERMEDIATE) ? CaDirectory.DEFAULT_INTERMEDIATE : slugs.get(0);
        PasswordSource passwords = password.map(PasswordSource::of).orElse(PasswordSource.none());
        return dir.issuingCa(slug, passwords);
    }

    /** The admin token, generated on first start into admin.token-file (mode 0600). */
    String adminToken() {
        Path file = config.adminTokenFile();
        if (!Files.exists(file)) {
            byte[] raw = new byte[32];
            random.nextBytes(raw);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            new OutputFiles(false).addSecret(file, (token + "\n").getBytes(StandardCharsets.US_ASCII)).commit();
            created.add("created the admin token in " + file + " (mode 0600)");
        }
        String token = new String(InputFiles.read(file), StandardCharsets.US_ASCII).trim();
        if (token.length() < 16) {
            throw new CertaException(ErrorKind.BAD_INPUT, "the admin token in " + file + " is shorter than 16 characters",
                    "delete the file to have a new one made on start, or write a longer random token");
        }
        return token;
    }

    /** The configured provisioners, or a default one (made on first start) when none is configured. */
    List<ProvisionerConfig> provisioners() {
        if (!config.provisioners().isEmpty()) {
            return config.provisioners();
        }
        Path dir = config.dataDir().resolve("provisioners");
        Path pub = dir.resolve(DEFAULT_PROVISIONER + ".pub.pem");
        if (!Files.exists(pub)) {
            createDirectory(dir);
            KeyPair kp = KeyType.EC_P256.generate(random);
            new OutputFiles(false)
                    .addSecret(dir.resolve(DEFAULT_PROVISIONER + ".key.pem"), PemWriter.privateKey(kp.getPrivate()).getBytes(StandardCharsets.US_ASCII))
                    .add(pub, PemWriter.publicKey(kp.getPublic()).getBytes(StandardCharsets.US_ASCII))
                    .commit();
            created.add("created provisioner '" + DEFAULT_PROVISIONER + "': its key for 'certa token' is " + dir.resolve(DEFAULT_PROVISIONER + ".key.pem"));
        }
        return List.of(new ProvisionerConfig(DEFAULT_PROVISIONER, pub, List.of(), Set.of("server", "client", "server-client"),
                Duration.ofDays(90)));
    }

    private static void createDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new CertaException(ErrorKind.IO, "cannot create " + dir + ": " + e.getMessage(),
                    "check that the data directory is writable");
        }
    }

    private Optional<char[]> password() {
        if (config.caPasswordFile().isEmpty()) {
            return Optional.empty();
        }
        Path f = config.caPasswordFile().get();
        String p = new String(InputFiles.read(f), StandardCharsets.UTF_8).strip();
        if (p.isEmpty()) {
            throw new CertaException(ErrorKind.BAD_INPUT, "the CA password file " + f + " is empty", "write the password into it");
        }
        return Optional.of(p.toCharArray());
    }
}
