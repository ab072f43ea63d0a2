package dev.certa.core.issue;

import dev.certa.core.issue.CaUrls;
import dev.certa.core.key.KeyDescription;
import dev.certa.core.name.SubjectAltName;
import dev.certa.core.profile.Profile;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSequence;
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

/** The X.509 extensions each profile puts into a certificate. */
final class Extensions {
    private Extensions() {}

    /** RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits. */
    static byte[] keyIdentifier(SubjectPublicKeyInfo spki) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(spki.getPublicKeyData().getBytes());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static org.bouncycastle.asn1.x509.Extensions build(
            CertificateDraft d, byte[] authorityKeyId, CaUrls urls) throws IOException {
        ExtensionsGenerator g = new ExtensionsGenerator();
        Profile p = d.profile();
        g.addExtension(Extension.basicConstraints, true, basicConstraints(p));
        g.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage(p, KeyDescription.of(d.subjectKey()))));
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
        g.addExtension(Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(keyIdentifier(d.subjectKey())));
        g.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(authorityKeyId));
        if (!d.subjectAltNames().isEmpty()) {
            boolean critical = d.subject().getRDNs().length == 0;
            g.addExtension(Extension.subjectAlternativeName, critical, SubjectAltName.toGeneralNames(d.subjectAltNames()));
        }
        if (p instanceof Profile.IntermediateCa ica && !ica.nameConstraints().isEmpty()) {
            g.addExtension(Extension.nameConstraints, true, ica.nameConstraints().toExtension());
        }
        if (!(p instanceof Profile.RootCa) && !(p instanceof Profile.SelfSignedLeaf)) {
            addUrls(g, urls);
        }
        return g.generate();
    }

    private static BasicConstraints basicConstraints(Profile p) {
        return switch (p) {
            case Profile.RootCa r -> r.pathLen().isPresent() ? new BasicConstraints(r.pathLen().getAsInt()) : new BasicConstraints(true);
            case Profile.IntermediateCa i -> i.pathLen().isPresent() ? new BasicConstraints(i.pathLen().getAsInt()) : new BasicConstraints(true);
            case Profile.TlsServer s -> new BasicConstraints(false);
            case Profile.TlsClient c -> new BasicConstraints(false);
            case Profile.TlsServerClient sc -> new BasicConstraints(false);
            case Profile.SelfSignedLeaf ss -> new BasicConstraints(false);
        };
    }

    /**
     * CAs: keyCertSign and cRLSign, plus digitalSignature so the CA key can sign OCSP responses. Leaves:
     * digitalSignature; RSA server keys also keyEncipherment for TLS 1.2 RSA key exchange.
     */
    static int keyUsage(Profile p, KeyDescription key) {
        if (p.isCa()) {
            return KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature;
        }
        int ku = KeyUsage.digitalSignature;
        if (key.algorithm().equals("RSA") && p.serverAuth()) {
            ku |= KeyUsage.keyEncipherment;
        }
        return ku;
    }

    private static void addUrls(ExtensionsGenerator g, CaUrls urls) throws IOException {
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
}
