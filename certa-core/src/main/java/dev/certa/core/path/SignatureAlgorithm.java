package dev.certa.core.path;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The signature algorithms a validator may accept on certificates, identified by the object
 * identifier in the certificate's signatureAlgorithm field. Anything not listed here (MD5, MD2, DSA,
 * unusual RSA-PSS parameters…) is never accepted.
 */
public enum SignatureAlgorithm {
    RSA_PKCS1_SHA1("1.2.840.113549.1.1.5", "SHA1withRSA", "RSA with SHA-1", true),
    RSA_PKCS1_SHA256("1.2.840.113549.1.1.11", "SHA256withRSA", "RSA with SHA-256", false),
    RSA_PKCS1_SHA384("1.2.840.113549.1.1.12", "SHA384withRSA", "RSA with SHA-384", false),
    RSA_PKCS1_SHA512("1.2.840.113549.1.1.13", "SHA512withRSA", "RSA with SHA-512", false),
    /** RSASSA-PSS with SHA-256, MGF1-SHA-256 and a 32-byte salt. */
    RSA_PSS_SHA256("1.2.840.113549.1.1.10", "SHA256withRSAandMGF1", "RSA-PSS with SHA-256", false),
    /** RSASSA-PSS with SHA-384, MGF1-SHA-384 and a 48-byte salt. */
    RSA_PSS_SHA384("1.2.840.113549.1.1.10", "SHA384withRSAandMGF1", "RSA-PSS with SHA-384", false),
    /** RSASSA-PSS with SHA-512, MGF1-SHA-512 and a 64-byte salt. */
    RSA_PSS_SHA512("1.2.840.113549.1.1.10", "SHA512withRSAandMGF1", "RSA-PSS with SHA-512", false),
    ECDSA_SHA1("1.2.840.10045.4.1", "SHA1withECDSA", "ECDSA with SHA-1", true),
    ECDSA_SHA256("1.2.840.10045.4.3.2", "SHA256withECDSA", "ECDSA with SHA-256", false),
    ECDSA_SHA384("1.2.840.10045.4.3.3", "SHA384withECDSA", "ECDSA with SHA-384", false),
    ECDSA_SHA512("1.2.840.10045.4.3.4", "SHA512withECDSA", "ECDSA with SHA-512", false),
    ED25519("1.3.101.112", "Ed25519", "Ed25519", false),
    ED448("1.3.101.113", "Ed448", "Ed448", false);

    private final String oid;
    private final String jcaName;
    private final String displayName;
    private final boolean sha1;

    SignatureAlgorithm(String oid, String jcaName, String displayName, boolean sha1) {
        this.oid = oid;
        this.jcaName = jcaName;
        this.displayName = displayName;
        this.sha1 = sha1;
    }

    /** The algorithm's object identifier (all RSA-PSS variants share 1.2.840.113549.1.1.10). */
    public String oid() {
        return oid;
    }

    /** The JCA name used to verify: "SHA256withECDSA". */
    public String jcaName() {
        return jcaName;
    }

    /** "ECDSA with SHA-256", for messages. */
    public String displayName() {
        return displayName;
    }

    /** True for the SHA-1 based algorithms, which browsers no longer accept. */
    public boolean usesSha1() {
        return sha1;
    }

    /** Every algorithm except the SHA-1 ones: what browsers accept. */
    public static Set<SignatureAlgorithm> modern() {
        Set<SignatureAlgorithm> s = EnumSet.allOf(SignatureAlgorithm.class);
        s.removeIf(SignatureAlgorithm::usesSha1);
        return s;
    }

    /**
     * What the CA/Browser Forum Baseline Requirements (7.1.3.2) allow on publicly trusted certificates:
     * RSASSA-PKCS1-v1_5 and RSASSA-PSS with SHA-256, SHA-384 or SHA-512, and ECDSA with SHA-256, SHA-384
     * or SHA-512. Not SHA-1, and not Ed25519 or Ed448 (Chromium and NSS refuse them).
     */
    public static Set<SignatureAlgorithm> webPki() {
        Set<SignatureAlgorithm> s = modern();
        s.remove(ED25519);
        s.remove(ED448);
        return s;
    }

    /** True for the EdDSA algorithms (Ed25519, Ed448). */
    public boolean isEdDsa() {
        return this == ED25519 || this == ED448;
    }

    /** Every algorithm listed here, SHA-1 included. */
    public static Set<SignatureAlgorithm> all() {
        return EnumSet.allOf(SignatureAlgorithm.class);
    }

    /** The non-PSS algorithm with this OID (PSS is told apart by its parameters, see {@code SignatureAlgorithms}). */
    static Optional<SignatureAlgorithm> byPlainOid(String oid) {
        return Optional.ofNullable(PlainOids.BY_OID.get(oid));
    }

    /** The first non-PSS algorithm for each OID, in declaration order, as the linear search found it. */
    private static final class PlainOids {
        static final java.util.Map<String, SignatureAlgorithm> BY_OID;

        static {
            java.util.Map<String, SignatureAlgorithm> m = new java.util.HashMap<>();
            for (SignatureAlgorithm a : values()) {
                if (!a.name().startsWith("RSA_PSS")) {
                    m.putIfAbsent(a.oid, a);
                }
            }
            BY_OID = java.util.Map.copyOf(m);
        }
    }
}
