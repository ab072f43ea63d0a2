package dev.certa.core.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * Names for what a certificate's key may be used for.
 *
 * <p><b>Key usage</b> (RFC 5280 §4.2.1.3) limits the key's cryptographic operations: a CA key
 * needs {@code keyCertSign} (and {@code cRLSign} to sign CRLs), a TLS key {@code digitalSignature}
 * (plus {@code keyEncipherment} for RSA key exchange in TLS 1.2). <b>Extended key usage</b>
 * (§4.2.1.12) limits the purposes: {@code serverAuth} for a TLS server, {@code clientAuth} for a TLS
 * client. Names follow RFC 5280 and openssl's short names; unknown purposes appear as their OID.
 */
final class UsageNames {
    private UsageNames() {}

    /** In bit order, as RFC 5280 lists them. */
    private static final List<Map.Entry<Integer, String>> KEY_USAGE = List.of(
            Map.entry(KeyUsage.digitalSignature, "digitalSignature"),
            Map.entry(KeyUsage.nonRepudiation, "nonRepudiation"),
            Map.entry(KeyUsage.keyEncipherment, "keyEncipherment"),
            Map.entry(KeyUsage.dataEncipherment, "dataEncipherment"),
            Map.entry(KeyUsage.keyAgreement, "keyAgreement"),
            Map.entry(KeyUsage.keyCertSign, "keyCertSign"),
            Map.entry(KeyUsage.cRLSign, "cRLSign"),
            Map.entry(KeyUsage.encipherOnly, "encipherOnly"),
            Map.entry(KeyUsage.decipherOnly, "decipherOnly"));

    private static final Map<ASN1ObjectIdentifier, String> PURPOSES = Map.ofEntries(
            Map.entry(KeyPurposeId.id_kp_serverAuth.toOID(), "serverAuth"),
            Map.entry(KeyPurposeId.id_kp_clientAuth.toOID(), "clientAuth"),
            Map.entry(KeyPurposeId.id_kp_codeSigning.toOID(), "codeSigning"),
            Map.entry(KeyPurposeId.id_kp_emailProtection.toOID(), "emailProtection"),
            Map.entry(KeyPurposeId.id_kp_timeStamping.toOID(), "timeStamping"),
            Map.entry(KeyPurposeId.id_kp_OCSPSigning.toOID(), "OCSPSigning"),
            Map.entry(KeyPurposeId.id_kp_ipsecIKE.toOID(), "ipsecIKE"),
            Map.entry(KeyPurposeId.anyExtendedKeyUsage.toOID(), "anyExtendedKeyUsage"),
            Map.entry(KeyPurposeId.id_kp_smartcardlogon.toOID(), "msSmartcardLogin"));

    static List<String> keyUsage(KeyUsage ku) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<Integer, String> e : KEY_USAGE) {
            if (ku.hasUsages(e.getKey())) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    static List<String> extendedKeyUsage(ExtendedKeyUsage eku) {
        List<String> out = new ArrayList<>();
        for (KeyPurposeId p : eku.getUsages()) {
            out.add(PURPOSES.getOrDefault(p.toOID(), p.toOID().getId()));
        }
        return out;
    }
}
