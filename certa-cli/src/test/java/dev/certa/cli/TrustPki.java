package dev.certa.cli;

import dev.certa.core.issue.CertificateAuthority;
import dev.certa.core.issue.IssuanceRequest;
import dev.certa.core.issue.IssuedCertificate;
import dev.certa.core.issue.Issuer;
import dev.certa.core.key.KeyType;
import dev.certa.core.key.SoftwareSigner;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.name.SubjectAltName;
import dev.certa.core.pem.PemWriter;
import dev.certa.core.profile.NameConstraintRules;
import dev.certa.core.profile.Profile;
import dev.certa.core.testing.TestPki;
import dev.certa.core.testing.Tools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalInt;

/**
 * The certificates the verify, probe and bundle tests judge, all made with certa's API, each broken
 * in one way. The private CA was set up 200 days ago, so that a leaf it issued then for 90 days has
 * expired while the CA certificates are still valid; other leaves are issued now.
 *
 * <ul>
 *   <li>{@link #good}: a server certificate for {@link #HOST} under the intermediate
 *   <li>{@link #expired}: the same kind of certificate, expired about 110 days ago
 *   <li>{@link #clientOnly}: a client certificate (EKU clientAuth only) naming {@link #HOST}
 *   <li>under-leaf.pem (written by {@link #writeTo}): a server certificate for sub.{@link #HOST} signed
 *       with the key of {@link #good}, a leaf used as a CA. certa refuses to sign with a certificate
 *       that is not a CA, so {@code openssl x509 -req} makes this one.
 *   <li>{@link #selfSigned}: a self-signed server certificate for {@link #HOST}
 *   <li>{@link #other}: another private CA, to be trusted instead of the right one
 *   <li>{@link #deep}: a leaf two intermediates below the root ({@link #upper}, {@link #lower})
 * </ul>
 */
final class TrustPki {
    static final String HOST = "api.certa.test";
    static final Duration CA_AGE = Duration.ofDays(200);

    final Instant now = Instant.now();
    final TestPki pki = new TestPki(KeyType.EC_P256, "Shop", Clock.fixed(now.minus(CA_AGE), ZoneOffset.UTC));
    final TestPki other = new TestPki(KeyType.EC_P256, "Other");
    final Issuer issuerNow = new Issuer(Clock.systemUTC(), TestPki.RANDOM);

    final TestPki.Leaf good = leaf(issuerNow, pki.intermediateCa, new Profile.TlsServer(), Duration.ofDays(90), HOST);
    final TestPki.Leaf expired = leaf(pki.issuer, pki.intermediateCa, new Profile.TlsServer(), Duration.ofDays(90), HOST);
    final TestPki.Leaf clientOnly = leaf(issuerNow, pki.intermediateCa, new Profile.TlsClient(), Duration.ofDays(90), HOST);
    final TestPki.Leaf selfSigned;
    final KeyPair upperKey = KeyType.EC_P256.generate(TestPki.RANDOM);
    final IssuedCertificate upper;
    final KeyPair lowerKey = KeyType.EC_P256.generate(TestPki.RANDOM);
    final IssuedCertificate lower;
    final TestPki.Leaf deep;

    TrustPki() {
        KeyPair key = KeyType.EC_P256.generate(TestPki.RANDOM);
        selfSigned = new TestPki.Leaf(key, issuerNow.issueSelfSigned(IssuanceRequest.forKey(key.getPublic(),
                DistinguishedNames.parse("CN=" + HOST), List.of(SubjectAltName.dns(HOST)), new Profile.SelfSignedLeaf()),
                SoftwareSigner.of(key)));
        upper = issuerNow.issue(IssuanceRequest.forKey(upperKey.getPublic(), DistinguishedNames.parse("CN=Shop Upper CA,O=certa tests"),
                List.of(), new Profile.IntermediateCa(OptionalInt.of(1), NameConstraintRules.NONE)).withValidity(Duration.ofDays(500)),
                pki.rootCa);
        CertificateAuthority upperCa = new CertificateAuthority(upper.certificate(), List.of(pki.root.certificate()),
                SoftwareSigner.of(upperKey));
        lower = issuerNow.issue(IssuanceRequest.forKey(lowerKey.getPublic(), DistinguishedNames.parse("CN=Shop Lower CA,O=certa tests"),
                List.of(), Profile.IntermediateCa.issuingLeavesOnly()).withValidity(Duration.ofDays(400)), upperCa);
        CertificateAuthority lowerCa = new CertificateAuthority(lower.certificate(),
                List.of(upper.certificate(), pki.root.certificate()), SoftwareSigner.of(lowerKey));
        deep = leaf(issuerNow, lowerCa, new Profile.TlsServer(), Duration.ofDays(90), HOST);
    }

    private static TestPki.Leaf leaf(Issuer issuer, CertificateAuthority ca, Profile profile, Duration validity, String name) {
        KeyPair key = KeyType.EC_P256.generate(TestPki.RANDOM);
        IssuedCertificate cert = issuer.issue(IssuanceRequest.forKey(key.getPublic(), DistinguishedNames.parse("CN=" + name),
                List.of(SubjectAltName.dns(name)), profile).withValidity(validity), ca);
        return new TestPki.Leaf(key, cert);
    }

    X509Certificate root() {
        return pki.root.certificate();
    }

    X509Certificate intermediate() {
        return pki.intermediate.certificate();
    }

    /**
     * Writes every certificate and key into {@code dir}: root.pem, intermediate.pem, other-root.pem,
     * and for each leaf NAME.pem (the leaf), NAME-key.pem and NAME-fullchain.pem (leaf + intermediates).
     */
    TrustPki writeTo(Path dir) {
        write(dir, "root.pem", root());
        write(dir, "intermediate.pem", intermediate());
        writeText(dir, "intermediate-key.pem", PemWriter.privateKey(pki.intermediateKey.getPrivate()));
        write(dir, "other-root.pem", other.root.certificate());
        write(dir, "upper.pem", upper.certificate());
        write(dir, "lower.pem", lower.certificate());
        leafFiles(dir, "good", good);
        leafFiles(dir, "expired", expired);
        leafFiles(dir, "client", clientOnly);
        underLeaf(dir);
        leafFiles(dir, "self-signed", selfSigned);
        leafFiles(dir, "deep", deep);
        return this;
    }

    private static void underLeaf(Path dir) {
        KeyPair key = KeyType.EC_P256.generate(TestPki.RANDOM);
        writeText(dir, "under-leaf-key.pem", PemWriter.privateKey(key.getPrivate()));
        writeText(dir, "under-leaf.ext", "subjectAltName=DNS:sub." + HOST + "\nextendedKeyUsage=serverAuth\n"
                + "keyUsage=critical,digitalSignature\nbasicConstraints=critical,CA:FALSE\n");
        openssl(dir, "req", "-new", "-key", "under-leaf-key.pem", "-subj", "/CN=sub." + HOST, "-out", "under-leaf.csr");
        openssl(dir, "x509", "-req", "-in", "under-leaf.csr", "-CA", "good.pem", "-CAkey", "good-key.pem",
                "-set_serial", "0x" + Long.toHexString(TestPki.RANDOM.nextLong() & Long.MAX_VALUE), "-days", "30",
                "-extfile", "under-leaf.ext", "-out", "under-leaf.pem");
    }

    private static void openssl(Path dir, String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/openssl"));
        cmd.addAll(List.of(args));
        Tools.Result r = Tools.run(dir, cmd);
        if (!r.ok()) {
            throw new AssertionError(String.join(" ", cmd) + " failed:\n" + r.output());
        }
    }

    private static void leafFiles(Path dir, String name, TestPki.Leaf leaf) {
        write(dir, name + ".pem", leaf.issued().certificate());
        write(dir, name + "-fullchain.pem", leaf.issued().fullChain().toArray(X509Certificate[]::new));
        writeText(dir, name + "-key.pem", PemWriter.privateKey(leaf.key().getPrivate()));
    }

    static void write(Path dir, String name, X509Certificate... certs) {
        writeText(dir, name, PemWriter.certificates(List.of(certs)));
    }

    static void writeText(Path dir, String name, String text) {
        try {
            Files.writeString(dir.resolve(name), text, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
