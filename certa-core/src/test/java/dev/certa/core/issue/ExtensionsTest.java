package dev.certa.core.issue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.key.KeyDescription;
import dev.certa.core.key.KeyType;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.name.SubjectAltName;
import dev.certa.core.profile.NameConstraintRules;
import dev.certa.core.profile.Profile;
import dev.certa.core.testing.TestPki;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExtensionsTest {
    private static final CaUrls URLS = new CaUrls(List.of("http://ca.example.com/a.crt", "http://ca.example.com/b.crt"),
            Optional.of("http://ocsp.example.com"), List.of("http://crl.example.com/a.crl"));

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void everyProfileGetsTheExtensionsBouncyCastlesGeneratorMakes(KeyType type) throws Exception {
        SubjectPublicKeyInfo key = SubjectPublicKeyInfo.getInstance(type.generate(TestPki.RANDOM).getPublic().getEncoded());
        byte[] aki = new byte[20];
        TestPki.RANDOM.nextBytes(aki);
        List<Profile> profiles = List.of(Profile.RootCa.unlimited(), new Profile.RootCa(OptionalInt.of(1)),
                Profile.IntermediateCa.issuingLeavesOnly(), new Profile.IntermediateCa(OptionalInt.empty(),
                        new NameConstraintRules(List.of("example.com", "@example.com", "10.0.0.0/8"), List.of("x.example.com"))),
                new Profile.TlsServer(), new Profile.TlsClient(), new Profile.TlsServerClient(), new Profile.SelfSignedLeaf());
        for (Profile p : profiles) {
            for (String subject : List.of("CN=a.example.com,O=Example", "")) {
                for (CaUrls urls : List.of(CaUrls.NONE, URLS)) {
                    List<SubjectAltName> sans = p.isCa() ? List.of()
                            : List.of(SubjectAltName.dns("a.example.com"), SubjectAltName.ip("10.1.2.3"));
                    CertificateDraft d = new CertificateDraft(BigInteger.TEN, DistinguishedNames.parse(subject),
                            new X500Name("CN=Issuer"), key, Instant.EPOCH, Instant.EPOCH, p, sans, Optional.empty(),
                            Optional.empty());
                    assertThat(Extensions.build(d, aki, urls)).as(p + " " + subject + " " + urls)
                            .isEqualTo(reference(d, aki, urls));
                }
            }
        }
    }

    /** Extensions.build as it was, on Bouncy Castle's ExtensionsGenerator. */
    private static byte[] reference(CertificateDraft d, byte[] authorityKeyId, CaUrls urls) throws Exception {
        ExtensionsGenerator g = new ExtensionsGenerator();
        Profile p = d.profile();
        BasicConstraints bc = switch (p) {
            case Profile.RootCa r -> r.pathLen().isPresent() ? new BasicConstraints(r.pathLen().getAsInt()) : new BasicConstraints(true);
            case Profile.IntermediateCa i -> i.pathLen().isPresent() ? new BasicConstraints(i.pathLen().getAsInt()) : new BasicConstraints(true);
            default -> new BasicConstraints(false);
        };
        g.addExtension(Extension.basicConstraints, true, bc);
        g.addExtension(Extension.keyUsage, true, new KeyUsage(Extensions.keyUsage(p, KeyDescription.of(d.subjectKey()))));
        List<KeyPurposeId> ekus = new ArrayList<>();
        if (p.serverAuth()) {
            ekus.add(KeyPurposeId.id_kp_serverAuth);
        }
        if (p.clientAuth()) {
            ekus.add(KeyPurposeId.id_kp_clientAuth);
        }
        if (!ekus.isEmpty()) {
            g.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(ekus.toArray(KeyPurposeId[]::new)));
        }
        g.addExtension(Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(Extensions.keyIdentifier(d.subjectKey())));
        g.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(authorityKeyId));
        if (!d.subjectAltNames().isEmpty()) {
            g.addExtension(Extension.subjectAlternativeName, d.subject().getRDNs().length == 0,
                    SubjectAltName.toGeneralNames(d.subjectAltNames()));
        }
        if (p instanceof Profile.IntermediateCa ica && !ica.nameConstraints().isEmpty()) {
            g.addExtension(Extension.nameConstraints, true, ica.nameConstraints().toExtension());
        }
        if (!(p instanceof Profile.RootCa) && !(p instanceof Profile.SelfSignedLeaf)) {
            ASN1EncodableVector aia = new ASN1EncodableVector();
            urls.ocsp().ifPresent(u -> aia.add(new AccessDescription(AccessDescription.id_ad_ocsp,
                    new GeneralName(GeneralName.uniformResourceIdentifier, u))));
            for (String u : urls.caIssuers()) {
                aia.add(new AccessDescription(AccessDescription.id_ad_caIssuers,
                        new GeneralName(GeneralName.uniformResourceIdentifier, u)));
            }
            if (aia.size() > 0) {
                g.addExtension(Extension.authorityInfoAccess, false, new DERSequence(aia));
            }
            if (!urls.crl().isEmpty()) {
                DistributionPoint[] points = urls.crl().stream()
                        .map(u -> new DistributionPoint(new DistributionPointName(new GeneralNames(
                                new GeneralName(GeneralName.uniformResourceIdentifier, u))), null, null))
                        .toArray(DistributionPoint[]::new);
                g.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(points));
            }
        }
        return g.generate().getEncoded(ASN1Encoding.DER);
    }
}
