package dev.certa.core.path;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.io.InputFiles;
import dev.certa.core.pem.Decoded;
import dev.certa.core.pem.PasswordSource;
import dev.certa.core.pem.PemReader;
import dev.certa.core.pem.Pkcs12Reader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads {@link TrustStore}s from where trust anchors live: a PEM bundle, a directory of PEM files
 * (OpenSSL's {@code -CApath} layout), a JKS or PKCS#12 truststore, the operating system's bundle, and
 * the running JDK's {@code cacerts}. Every failure says which file and what to do.
 */
public final class TrustStores {
    /**
     * Where Linux and BSD distributions keep the system bundle, in the order looked at (after
     * {@code SSL_CERT_FILE}): Debian/Ubuntu/Arch/Gentoo, Fedora/RHEL, openSUSE, RHEL 7+, Alpine, FreeBSD.
     */
    public static final List<Path> SYSTEM_BUNDLES = List.of(
            Path.of("/etc/ssl/certs/ca-certificates.crt"),
            Path.of("/etc/pki/tls/certs/ca-bundle.crt"),
            Path.of("/etc/ssl/ca-bundle.pem"),
            Path.of("/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem"),
            Path.of("/etc/ssl/cert.pem"),
            Path.of("/usr/local/etc/ssl/cert.pem"));

    private static final Pattern HASH_LINK = Pattern.compile("[0-9a-f]{8}\\.r?[0-9]+");
    private static final int MAX_DIRECTORY_FILES = 10_000;

    private TrustStores() {}

    /** Every certificate in a PEM (or DER) file; {@code source} names it in errors and verdicts. */
    public static TrustStore fromPem(byte[] data, String source) {
        List<X509Certificate> certs = PemReader.readCertificates(data, source);
        return new TrustStore(source, source, certs);
    }

    /**
     * Every certificate in the {@code .pem}, {@code .crt} and {@code .cer} files (and OpenSSL hash links
     * such as {@code 4042bcee.0}) directly in {@code dir}. Other files are ignored; a damaged certificate
     * file is an error naming it.
     */
    public static TrustStore fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new CertaException(ErrorKind.NOT_FOUND, dir + " is not a directory", "give the directory that holds the CA files");
        }
        List<X509Certificate> certs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> candidates = files.filter(TrustStores::looksLikeCertificateFile).sorted().limit(MAX_DIRECTORY_FILES).toList();
            for (Path f : candidates) {
                if (Files.isRegularFile(f)) {
                    certs.addAll(PemReader.readCertificates(read(f), f.toString()));
                }
            }
        } catch (IOException e) {
            throw new CertaException(ErrorKind.IO, dir + ": cannot list the directory (" + e.getMessage() + ")",
                    "check the directory's permissions", e);
        }
        if (certs.isEmpty()) {
            throw CertaException.badInput(dir + ": holds no certificate files (*.pem, *.crt, *.cer)",
                    "give the directory that holds the CA certificates, or a PEM bundle file");
        }
        return new TrustStore(dir.getFileName() == null ? dir.toString() : dir.getFileName().toString(), dir.toString(), certs);
    }

    /**
     * The certificates in a JKS or PKCS#12 keystore: trusted-certificate entries, and the chains of key
     * entries. The password is asked of {@code passwords} for {@code source}.
     */
    public static TrustStore fromKeystore(byte[] data, String source, PasswordSource passwords) {
        if (!Pkcs12Reader.isKeystore(data)) {
            throw CertaException.badInput(source + ": this is not a JKS or PKCS#12 keystore",
                    "give a truststore file (.jks, .p12), or pass PEM files as a bundle");
        }
        List<X509Certificate> certs = new ArrayList<>();
        for (Decoded d : Pkcs12Reader.read(data, source, passwords)) {
            if (d instanceof Decoded.Certificate c) {
                certs.add(c.certificate());
            }
        }
        if (certs.isEmpty()) {
            throw CertaException.badInput(source + ": the keystore holds no certificates", "give the truststore with the CA certificates");
        }
        return new TrustStore(source, source, certs);
    }

    /**
     * The operating system's trust store, named "system": the file named by {@code SSL_CERT_FILE} if set,
     * else the first of {@link #SYSTEM_BUNDLES} that exists.
     */
    public static TrustStore system() {
        return system(System.getenv());
    }

    /**
     * The operating system's trust store, reading {@code SSL_CERT_FILE} from the given environment rather
     * than the process's (so a caller with an injected environment, like the CLI, is honoured).
     */
    public static TrustStore system(java.util.Map<String, String> environment) {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(environment.get("SSL_CERT_FILE")).filter(s -> !s.isBlank()).map(Path::of).ifPresent(candidates::add);
        candidates.addAll(SYSTEM_BUNDLES);
        return system(candidates);
    }

    /** The first existing bundle of {@code candidates}, named "system". */
    static TrustStore system(List<Path> candidates) {
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return new TrustStore("system", p.toString(), PemReader.readCertificates(read(p), p.toString()));
            }
        }
        throw new CertaException(ErrorKind.NOT_FOUND, "no system trust store was found (looked at "
                + String.join(", ", candidates.stream().map(Path::toString).toList()) + ")",
                "install the ca-certificates package, or set SSL_CERT_FILE to a PEM bundle of trusted roots");
    }

    /** The running JDK's {@code lib/security/cacerts}, named "jdk". */
    public static TrustStore jdk() {
        Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
        if (!Files.isRegularFile(cacerts)) {
            throw new CertaException(ErrorKind.NOT_FOUND, "the JDK has no trust store at " + cacerts,
                    "use a full JDK or JRE, or pass a trust store explicitly");
        }
        TrustStore store = fromKeystore(read(cacerts), cacerts.toString(), PasswordSource.of("changeit"));
        return new TrustStore("jdk", cacerts.toString(), store.anchors());
    }

    private static boolean looksLikeCertificateFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".pem") || n.endsWith(".crt") || n.endsWith(".cer") || HASH_LINK.matcher(n).matches();
    }

    private static byte[] read(Path p) {
        return InputFiles.read(p);
    }
}
