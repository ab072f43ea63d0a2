package dev.certa.core.path;

import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x509.KeyUsage;

/** Key usage bits and extended key usage OIDs in the words people use. */
final class KeyUsages {
    private static final Map<String, String> EKU_NAMES = Map.of(
            "1.3.6.1.5.5.7.3.1", "serverAuth",
            "1.3.6.1.5.5.7.3.2", "clientAuth",
            "1.3.6.1.5.5.7.3.3", "codeSigning",
            "1.3.6.1.5.5.7.3.4", "emailProtection",
            "1.3.6.1.5.5.7.3.8", "timeStamping",
            "1.3.6.1.5.5.7.3.9", "OCSPSigning",
            CertificateChecks.ANY_EKU, "anyExtendedKeyUsage");
    private static final Map<String, String> EKU_OIDS = Map.of(
            "serverAuth", "1.3.6.1.5.5.7.3.1",
            "clientAuth", "1.3.6.1.5.5.7.3.2",
            "codeSigning", "1.3.6.1.5.5.7.3.3",
            "emailProtection", "1.3.6.1.5.5.7.3.4",
            "timeStamping", "1.3.6.1.5.5.7.3.8",
            "OCSPSigning", "1.3.6.1.5.5.7.3.9",
            "anyExtendedKeyUsage", CertificateChecks.ANY_EKU);

    private KeyUsages() {}

    static int bcBit(KeyUsageBit bit) {
        return switch (bit) {
            case DIGITAL_SIGNATURE -> KeyUsage.digitalSignature;
            case NON_REPUDIATION -> KeyUsage.nonRepudiation;
            case KEY_ENCIPHERMENT -> KeyUsage.keyEncipherment;
            case DATA_ENCIPHERMENT -> KeyUsage.dataEncipherment;
            case KEY_AGREEMENT -> KeyUsage.keyAgreement;
            case KEY_CERT_SIGN -> KeyUsage.keyCertSign;
            case CRL_SIGN -> KeyUsage.cRLSign;
            case ENCIPHER_ONLY -> KeyUsage.encipherOnly;
            case DECIPHER_ONLY -> KeyUsage.decipherOnly;
        };
    }

    /** "serverAuth", or the OID when it has no common name. */
    static String ekuName(String oid) {
        return EKU_NAMES.getOrDefault(oid, oid);
    }

    /** "serverAuth, clientAuth". */
    static String ekuNames(List<String> oids) {
        return oids.isEmpty() ? "none" : String.join(", ", oids.stream().map(KeyUsages::ekuName).toList());
    }

    /** The OID for a name such as "clientAuth" (also accepts an OID). */
    static String ekuOid(String nameOrOid) {
        return EKU_OIDS.getOrDefault(nameOrOid, nameOrOid);
    }
}
