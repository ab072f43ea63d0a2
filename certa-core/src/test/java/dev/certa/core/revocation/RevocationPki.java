package dev.certa.core.revocation;

import dev.certa.core.issue.CaUrls;
import dev.certa.core.issue.CertificateAuthority;
import dev.certa.core.issue.IssuanceRequest;
import dev.certa.core.key.KeyType;
import dev.certa.core.key.SoftwareSigner;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.name.SubjectAltName;
import dev.certa.core.pem.PemWriter;
import dev.certa.core.profile.Profile;
import dev.certa.core.testing.TestPki;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * A root and an intermediate made by certa's {@link TestPki}, leaves issued by certa's Issuer (with a
 * CRL distribution point and an OCSP URL), and a delegated OCSP responder certificate.
 */
final class RevocationPki {
    static final String CRL_URL = "http://127.0.0.1/crl/int.crl";

    final String name;
    final TestPki pki;
    final CertificateAuthority ca;

    RevocationPki(String name) {
        this.name = name;
        this.pki = new TestPki(KeyType.EC_P256, name);
        this.ca = pki.intermediateCa.withUrls(new CaUrls(List.of(), Optional.of("http://127.0.0.1/ocsp"), List.of(CRL_URL)));
    }

    X509Certificate leaf(String dnsName) {
        KeyPair key = KeyType.EC_P256.generate(TestPki.RANDOM);
        return pki.issuer.issue(IssuanceRequest.forKey(key.getPublic(), DistinguishedNames.parse(""),
                List.of(SubjectAltName.dns(dnsName)), new Profile.TlsServer()), ca).certificate();
    }

    /**
     * A delegated responder certificate: certa has no profile for it (yet), so it is made here with
     * Bouncy Castle's builder, signed through the intermediate's certa {@code Signer}.
     */
    Responder delegatedResponder() throws Exception {
        KeyPair key = KeyType.EC_P256.generate(TestPki.RANDOM);
        X509Certificate issuer = ca.certificate();
        Instant now = Instant.now();
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, TestPki.RANDOM).setBit(63),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(30))),
                new X500Name("CN=" + name + " OCSP Responder,O=certa tests"), key.getPublic())
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning))
                .addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE)
                .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuer))
                .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(key.getPublic()));
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(b.build(ca.signer().contentSigner()));
        return new Responder(cert, SoftwareSigner.of(key));
    }

    record Responder(X509Certificate certificate, SoftwareSigner signer) {}

    /** Writes root.pem, int.pem and chain.pem (intermediate and root) into {@code dir}. */
    void writeCaFiles(Path dir) throws IOException {
        Files.writeString(dir.resolve("root.pem"), PemWriter.certificate(pki.root.certificate()));
        Files.writeString(dir.resolve("int.pem"), PemWriter.certificate(ca.certificate()));
        Files.writeString(dir.resolve("chain.pem"),
                PemWriter.certificates(List.of(ca.certificate(), pki.root.certificate())));
    }

    static void write(Path file, X509Certificate cert) throws IOException {
        Files.writeString(file, PemWriter.certificate(cert));
    }
}
