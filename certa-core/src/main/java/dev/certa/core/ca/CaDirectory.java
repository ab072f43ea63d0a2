package dev.certa.core.ca;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.io.InputFiles;
import dev.certa.core.io.OutputFiles;
import dev.certa.core.issue.CaUrls;
import dev.certa.core.issue.CertificateAuthority;
import dev.certa.core.issue.IssuanceRequest;
import dev.certa.core.issue.IssuedCertificate;
import dev.certa.core.issue.Issuer;
import dev.certa.core.key.KeyType;
import dev.certa.core.key.SoftwareSigner;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.pem.Decoded;
import dev.certa.core.pem.PasswordSource;
import dev.certa.core.pem.PemReader;
import dev.certa.core.pem.PemWriter;
import dev.certa.core.profile.Profile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * A CA on disk. The layout is plain PEM so that any tool can read it:
 *
 * <pre>
 * root-ca.pem               the root certificate: give this to clients to trust
 * root-ca-key.pem           the root's private key (encrypted PKCS#8, mode 0600): keep offline
 * intermediate-ca.pem       the default issuing CA
 * intermediate-ca-key.pem   its private key (encrypted, 0600)
 * ca-chain.pem              intermediate then root
 * intermediate-NAME.pem     further intermediates made by 'certa ca intermediate NAME'
 * ca.properties             name and URLs to put into issued certificates
 * ledger.jsonl              every certificate the CA issued, every revocation, the CRL numbers (0600)
 * crl/                      the CRLs 'certa crl' signs
 * </pre>
 */
public final class CaDirectory {
    public static final String ROOT_CERT = "root-ca.pem";
    public static final String ROOT_KEY = "root-ca-key.pem";
    public static final String DEFAULT_INTERMEDIATE = "ca";
    public static final String CHAIN = "ca-chain.pem";
    public static final String CONFIG = "ca.properties";

    private final Path dir;

    public CaDirectory(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path dir() {
        return dir;
    }

    public Path rootCertificatePath() {
        return dir.resolve(ROOT_CERT);
    }

    public Path intermediateCertificatePath(String slug) {
        return dir.resolve("intermediate-" + slug + ".pem");
    }

    public Path intermediateKeyPath(String slug) {
        return dir.resolve("intermediate-" + slug + "-key.pem");
    }

    /**
     * What 'certa ca init' makes.
     *
     * @param intermediate settings of the first intermediate; empty for a root only
     */
    public record InitSpec(String name, KeyType keyType, java.time.Duration rootValidity,
            Optional<IntermediateSpec> intermediate, CaUrls urls) {}

    /** An intermediate CA to create. */
    public record IntermediateSpec(String slug, String commonName, KeyType keyType, java.time.Duration validity,
            Profile.IntermediateCa profile) {}

    /** The certificates created by {@link #init}. */
    public record InitResult(X509Certificate root, Optional<X509Certificate> intermediate, List<Path> files) {}

    /**
     * Creates a root CA and, optionally, its first intermediate. Keys are encrypted with {@code password}
     * unless it is empty (the caller must have asked for unencrypted keys explicitly).
     */
    public InitResult init(InitSpec spec, Optional<char[]> password, Issuer issuer, SecureRandom random, boolean force) {
        if (Files.exists(rootCertificatePath()) && !force) {
            throw new CertaException(ErrorKind.ALREADY_EXISTS, "a CA already exists in " + dir + " (" + ROOT_CERT + ")",
                    "use it, choose another --dir, or pass --force to replace it");
        }
        createDirectory();
        KeyPair rootKey = spec.keyType().generate(random);
        SoftwareSigner rootSigner = SoftwareSigner.of(rootKey);
        IssuedCertificate root = issuer.issueSelfSigned(IssuanceRequest.forKey(rootKey.getPublic(),
                DistinguishedNames.of(spec.name() + " Root CA", spec.name()), List.of(),
                Profile.RootCa.unlimited()).withValidity(spec.rootValidity()), rootSigner);
        OutputFiles out = new OutputFiles(force);
        out.add(rootCertificatePath(), bytes(PemWriter.certificate(root.certificate())));
        out.addSecret(dir.resolve(ROOT_KEY), keyPem(rootKey, password, random));
        Optional<X509Certificate> intermediate = Optional.empty();
        if (spec.intermediate().isPresent()) {
            IntermediateSpec is = spec.intermediate().get();
            CertificateAuthority rootCa = new CertificateAuthority(root.certificate(), List.of(), rootSigner);
            KeyPair intKey = is.keyType().generate(random);
            IssuedCertificate ic = issueIntermediate(is, intKey, rootCa, issuer);
            out.add(intermediateCertificatePath(is.slug()), bytes(PemWriter.certificate(ic.certificate())));
            out.addSecret(intermediateKeyPath(is.slug()), keyPem(intKey, password, random));
            out.add(dir.resolve(CHAIN), bytes(PemWriter.certificates(List.of(ic.certificate(), root.certificate()))));
            recordIssued("root", ic, is.profile());
            intermediate = Optional.of(ic.certificate());
        }
        out.add(dir.resolve(CONFIG), bytes(CaConfig.of(spec.name(), spec.urls()).toText()));
        return new InitResult(root.certificate(), intermediate, out.commit());
    }

    /** Creates a further intermediate under the root. */
    public IssuedCertificate addIntermediate(IntermediateSpec spec, PasswordSource rootPassword, Optional<char[]> newKeyPassword,
            Issuer issuer, SecureRandom random, boolean force) {
        CertificateAuthority rootCa = rootCa(rootPassword);
        KeyPair key = spec.keyType().generate(random);
        IssuedCertificate ic = issueIntermediate(spec, key, rootCa, issuer);
        recordIssued("root", ic, spec.profile());
        new OutputFiles(force)
                .add(intermediateCertificatePath(spec.slug()), bytes(PemWriter.certificate(ic.certificate())))
                .addSecret(intermediateKeyPath(spec.slug()), keyPem(key, newKeyPassword, random))
                .commit();
        return ic;
    }

    private static IssuedCertificate issueIntermediate(IntermediateSpec spec, KeyPair key, CertificateAuthority rootCa,
            Issuer issuer) {
        X500Name rootName = X500Name.getInstance(rootCa.certificate().getSubjectX500Principal().getEncoded());
        String organisation = DistinguishedNames.attribute(rootName, org.bouncycastle.asn1.x500.style.BCStyle.O)
                .or(() -> DistinguishedNames.commonNameOf(rootName).map(cn -> cn.replaceFirst(" Root CA$", "")))
                .orElse("certa");
        return issuer.issue(IssuanceRequest.forKey(key.getPublic(),
                DistinguishedNames.of(spec.commonName(), organisation), List.of(), spec.profile())
                .withValidity(spec.validity()), rootCa);
    }

    /** The record of what this CA issued and revoked. */
    public CaLedger ledger() {
        return new CaLedger(dir.resolve(CaLedger.FILE));
    }

    /**
     * Records in the ledger that the CA named {@code issuer} ({@code root}, or an intermediate's name)
     * issued {@code issued}; on disk before this returns. Call it before handing the certificate out.
     */
    public void recordIssued(String issuer, IssuedCertificate issued, Profile profile) {
        ledger().record(LedgerCertificate.of(issued.certificate(), issued.issuerChain().get(0), issuer, profile.id()));
    }

    /** The root CA with its key, for signing intermediates. */
    public CertificateAuthority rootCa(PasswordSource passwords) {
        X509Certificate root = rootCertificate();
        var key = readKey(dir.resolve(ROOT_KEY), passwords);
        return new CertificateAuthority(root, List.of(), SoftwareSigner.of(key), config().urls());
    }

    /** An intermediate CA with its key and chain, ready to issue leaf certificates. */
    public CertificateAuthority issuingCa(String slug, PasswordSource passwords) {
        X509Certificate root = rootCertificate();
        Path certPath = intermediateCertificatePath(slug);
        if (!Files.exists(certPath)) {
            List<String> known = intermediateSlugs();
            throw new CertaException(ErrorKind.NOT_FOUND, "the CA in " + dir + " has no intermediate '" + slug + "' ("
                    + certPath.getFileName() + " is missing)",
                    known.isEmpty() ? "create one with 'certa ca intermediate NAME --dir " + dir + "'"
                            : "use one of: " + String.join(", ", known));
        }
        X509Certificate cert = PemReader.readCertificate(InputFiles.read(certPath), certPath.toString());
        var key = readKey(intermediateKeyPath(slug), passwords);
        return new CertificateAuthority(cert, List.of(root), SoftwareSigner.of(key), config().urls());
    }

    public X509Certificate rootCertificate() {
        requireCa();
        Path p = rootCertificatePath();
        return PemReader.readCertificate(InputFiles.read(p), p.toString());
    }

    /** Names of the intermediates present ("ca" is the default one). */
    public List<String> intermediateSlugs() {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("intermediate-") && n.endsWith(".pem") && !n.endsWith("-key.pem"))
                    .map(n -> n.substring("intermediate-".length(), n.length() - 4))
                    .sorted()
                    .forEach(out::add);
        } catch (IOException e) {
            throw new CertaException(ErrorKind.IO, dir + " cannot be listed (" + e.getMessage() + ")", "check its permissions", e);
        }
        return out;
    }

    public CaConfig config() {
        Path p = dir.resolve(CONFIG);
        return Files.exists(p) ? CaConfig.parse(new String(InputFiles.read(p), StandardCharsets.UTF_8), p.toString())
                : CaConfig.of("certa", CaUrls.NONE);
    }

    private void requireCa() {
        if (!Files.exists(dir)) {
            throw new CertaException(ErrorKind.NOT_FOUND, "no CA directory at " + dir,
                    "create a CA with 'certa ca init --dir " + dir + "', or point --dir / CERTA_HOME at an existing one");
        }
        if (!Files.isDirectory(dir) || !Files.isReadable(dir) || !Files.isExecutable(dir)) {
            throw new CertaException(ErrorKind.IO, "the CA directory " + dir + " cannot be read",
                    "check its permissions (the CA's owner should have rwx)");
        }
        if (!Files.exists(rootCertificatePath())) {
            throw new CertaException(ErrorKind.NOT_FOUND, dir + " holds no CA (" + ROOT_CERT + " is missing)",
                    "create one with 'certa ca init --dir " + dir + "'");
        }
    }

    private static KeyPair readKey(Path p, PasswordSource passwords) {
        Decoded.PrivateKey k = PemReader.readPrivateKey(InputFiles.read(p), p.toString(), passwords);
        return k.keyPair();
    }

    private void createDirectory() {
        try {
            if (!Files.exists(dir)) {
                Files.createDirectories(dir);
                try {
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
            }
        } catch (IOException e) {
            throw new CertaException(ErrorKind.IO, "cannot create the CA directory " + dir + " (" + e.getMessage() + ")",
                    "choose a directory you can write to with --dir", e);
        }
    }

    private static byte[] keyPem(KeyPair key, Optional<char[]> password, SecureRandom random) {
        String pem = password.isPresent()
                ? PemWriter.encryptedPrivateKey(key.getPrivate(), password.get(), random)
                : PemWriter.privateKey(key.getPrivate());
        return bytes(pem);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** A file-name-safe slug: "Payments EU" → "payments-eu". */
    public static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.isEmpty()) {
            throw new CertaException(ErrorKind.USAGE, "'" + name + "' cannot be used as an intermediate's name",
                    "use letters and digits, e.g. 'payments'");
        }
        return s;
    }
}
