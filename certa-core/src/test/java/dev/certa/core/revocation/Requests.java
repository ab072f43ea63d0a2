package dev.certa.core.revocation;

import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.ocsp.CertID;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPRequest;
import org.bouncycastle.asn1.ocsp.Request;
import org.bouncycastle.asn1.ocsp.TBSRequest;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.jspecify.annotations.Nullable;

/** OCSP requests made with Bouncy Castle's ASN.1 classes, including ones no well-behaved client sends. */
final class Requests {
    private Requests() {}

    static CertID certId(OcspHash hash, X509Certificate issuer, BigInteger serial) {
        return certId(hash.oid(), jcaName(hash), issuer, serial);
    }

    static CertID certId(ASN1ObjectIdentifier oid, String jcaName, X509Certificate issuer, BigInteger serial) {
        try {
            MessageDigest md = MessageDigest.getInstance(jcaName);
            byte[] name = md.digest(issuer.getSubjectX500Principal().getEncoded());
            byte[] key = md.digest(SubjectPublicKeyInfo.getInstance(issuer.getPublicKey().getEncoded())
                    .getPublicKeyData().getBytes());
            return new CertID(new AlgorithmIdentifier(oid, DERNull.INSTANCE), new DEROctetString(name),
                    new DEROctetString(key), new ASN1Integer(serial));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] of(X509Certificate issuer, BigInteger serial) {
        return of(List.of(certId(OcspHash.SHA1, issuer, serial)), null);
    }

    static byte[] withNonce(X509Certificate issuer, BigInteger serial, byte[] nonce) {
        return of(List.of(certId(OcspHash.SHA1, issuer, serial)), nonce);
    }

    static byte[] of(List<CertID> ids, byte @Nullable [] nonce) {
        try {
            ASN1Encodable[] requests = ids.stream().map(id -> new Request(id, null)).toArray(ASN1Encodable[]::new);
            Extensions extensions = nonce == null ? null : new Extensions(new Extension(
                    OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(nonce).getEncoded()));
            TBSRequest tbs = new TBSRequest(null, new DERSequence(requests), extensions);
            return new OCSPRequest(tbs, null).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jcaName(OcspHash hash) {
        return switch (hash) {
            case SHA1 -> "SHA-1";
            case SHA256 -> "SHA-256";
            case SHA384 -> "SHA-384";
            case SHA512 -> "SHA-512";
        };
    }
}
