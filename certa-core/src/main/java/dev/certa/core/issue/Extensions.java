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
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** The X.509 extensions each profile puts into a certificate. */
final class Extensions {
    private static final int SEQUENCE = 0x30;
    private static final int OCTET_STRING = 0x04;
    private static final byte[] CRITICAL = {0x01, 0x01, (byte) 0xff}; // BOOLEAN TRUE
    // Encodings that are the same in every leaf certificate. Never written to.
    private static final byte[] LEAF_BASIC_CONSTRAINTS =
            constant(Extension.basicConstraints, true, new BasicConstraints(false));
    private static final byte[] EKU_SERVER =
            constant(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    private static final byte[] EKU_CLIENT =
            constant(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
    private static final byte[] EKU_SERVER_CLIENT = constant(Extension.extendedKeyUsage, false,
            new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
    private static final int LEAF_KEY_USAGE = KeyUsage.digitalSignature;
    private static final byte[] LEAF_KEY_USAGE_EXTENSION =
            constant(Extension.keyUsage, true, new KeyUsage(LEAF_KEY_USAGE));
    private static final int RSA_SERVER_KEY_USAGE = KeyUsage.digitalSignature | KeyUsage.keyEncipherment;
    private static final byte[] RSA_SERVER_KEY_USAGE_EXTENSION =
            constant(Extension.keyUsage, true, new KeyUsage(RSA_SERVER_KEY_USAGE));

    private Extensions() {}

    /** RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits. */
    static byte[] keyIdentifier(SubjectPublicKeyInfo spki) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(spki.getPublicKeyData().getBytes());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The DER Extensions of a certificate (the contents of the TBSCertificate's [3] field), in the
     * order basicConstraints, keyUsage, extKeyUsage, subjectKeyIdentifier, authorityKeyIdentifier,
     * subjectAltName, nameConstraints, authorityInfoAccess, cRLDistributionPoints.
     */
    static byte[] build(CertificateDraft d, byte[] authorityKeyId, CaUrls urls) throws IOException {
        List<byte[]> out = new ArrayList<>(9);
        Profile p = d.profile();
        out.add(p.isCa() ? extension(Extension.basicConstraints, true, basicConstraints(p)) : LEAF_BASIC_CONSTRAINTS);
        out.add(keyUsageExtension(keyUsage(p, KeyDescription.of(d.subjectKey()))));
        if (p.serverAuth() && p.clientAuth()) {
            out.add(EKU_SERVER_CLIENT);
        } else if (p.serverAuth()) {
            out.add(EKU_SERVER);
        } else if (p.clientAuth()) {
            out.add(EKU_CLIENT);
        } else if (p instanceof Profile.OcspResponder) {
            out.add(extension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning)));
            out.add(extension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE));
        }
        out.add(extension(Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(keyIdentifier(d.subjectKey()))));
        out.add(extension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(authorityKeyId)));
        if (!d.subjectAltNames().isEmpty()) {
            boolean critical = d.subject().getRDNs().length == 0;
            out.add(extension(Extension.subjectAlternativeName, critical, SubjectAltName.toGeneralNames(d.subjectAltNames())));
        }
        if (p instanceof Profile.IntermediateCa ica && !ica.nameConstraints().isEmpty()) {
            out.add(extension(Extension.nameConstraints, true, ica.nameConstraints().toExtension()));
        }
        if (!(p instanceof Profile.RootCa) && !(p instanceof Profile.SelfSignedLeaf) && !(p instanceof Profile.OcspResponder)) {
            addUrls(out, urls);
        }
        return CertificateDer.tlv(SEQUENCE, out.toArray(byte[][]::new));
    }

    private static byte[] keyUsageExtension(int ku) throws IOException {
        return ku == LEAF_KEY_USAGE ? LEAF_KEY_USAGE_EXTENSION
                : ku == RSA_SERVER_KEY_USAGE ? RSA_SERVER_KEY_USAGE_EXTENSION
                : extension(Extension.keyUsage, true, new KeyUsage(ku));
    }

    /** Extension ::= SEQUENCE { extnID OID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING (DER of value) }. */
    static byte[] extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) throws IOException {
        byte[] id = oid.getEncoded(ASN1Encoding.DER);
        byte[] octets = CertificateDer.tlv(OCTET_STRING, value.toASN1Primitive().getEncoded(ASN1Encoding.DER));
        return critical ? CertificateDer.tlv(SEQUENCE, id, CRITICAL, octets) : CertificateDer.tlv(SEQUENCE, id, octets);
    }

    private static byte[] constant(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        try {
            return extension(oid, critical, value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BasicConstraints basicConstraints(Profile p) {
        return switch (p) {
            case Profile.RootCa r -> r.pathLen().isPresent() ? new BasicConstraints(r.pathLen().getAsInt()) : new BasicConstraints(true);
            case Profile.IntermediateCa i -> i.pathLen().isPresent() ? new BasicConstraints(i.pathLen().getAsInt()) : new BasicConstraints(true);
            case Profile.TlsServer s -> new BasicConstraints(false);
            case Profile.TlsClient c -> new BasicConstraints(false);
            case Profile.TlsServerClient sc -> new BasicConstraints(false);
            case Profile.SelfSignedLeaf ss -> new BasicConstraints(false);
            case Profile.OcspResponder o -> new BasicConstraints(false);
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

    private static void addUrls(List<byte[]> out, CaUrls urls) throws IOException {
        ASN1EncodableVector aia = new ASN1EncodableVector();
        urls.ocsp().ifPresent(u -> aia.add(new AccessDescription(AccessDescription.id_ad_ocsp,
                new GeneralName(GeneralName.uniformResourceIdentifier, u))));
        for (String u : urls.caIssuers()) {
            aia.add(new AccessDescription(AccessDescription.id_ad_caIssuers,
                    new GeneralName(GeneralName.uniformResourceIdentifier, u)));
        }
        if (aia.size() > 0) {
            out.add(extension(Extension.authorityInfoAccess, false, new DERSequence(aia)));
        }
        if (!urls.crl().isEmpty()) {
            DistributionPoint[] points = urls.crl().stream()
                    .map(u -> new DistributionPoint(new DistributionPointName(new GeneralNames(
                            new GeneralName(GeneralName.uniformResourceIdentifier, u))), null, null))
                    .toArray(DistributionPoint[]::new);
            out.add(extension(Extension.cRLDistributionPoints, false, new CRLDistPoint(points)));
        }
    }
}
