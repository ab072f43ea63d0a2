package dev.certa.core.path;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The extensions every certificate carries (basic constraints, key usage, extended key usage, key
 * identifiers, authority information access, certificate policies), read with {@link Der} when they have
 * their usual plain shape. Each reader either records exactly what Bouncy Castle's classes would have given
 * and returns true, or changes nothing and returns false, and {@link ExtensionFacts} decodes the value with
 * Bouncy Castle as before (so odd values keep their findings and wording).
 */
final class PlainExtensions {
    private PlainExtensions() {}

    /** True when {@code value} was read into {@code f}; false to leave it to Bouncy Castle. */
    static boolean read(ExtensionFacts f, String oid, boolean critical, byte[] value) {
        if (!Der.acceptable(value)) {
            return false;
        }
        try {
            switch (oid) {
                case "2.5.29.19" -> basicConstraints(f, critical, value);
                case "2.5.29.15" -> keyUsage(f, critical, value);
                case "2.5.29.37" -> extendedKeyUsage(f, critical, value);
                case "2.5.29.14" -> subjectKeyId(f, critical, value);
                case "2.5.29.35" -> authorityKeyId(f, critical, value);
                case "1.3.6.1.5.5.7.1.1" -> authorityInfoAccess(f, critical, value);
                case "2.5.29.32" -> policies(f, critical, value);
                default -> {
                    return false;
                }
            }
            return true;
        } catch (Der.Unusual e) {
            return false;
        }
    }

    /** SEQUENCE { cA BOOLEAN TRUE OPTIONAL, pathLenConstraint INTEGER (≥ 0) OPTIONAL }. */
    private static void basicConstraints(ExtensionFacts f, boolean critical, byte[] value) throws Der.Unusual {
        Der seq = only(value, Der.SEQUENCE);
        boolean ca = false;
        BigInteger pathLen = null;
        if (seq.peekTag() == Der.BOOLEAN) {
            seq.next(Der.BOOLEAN);
            if (seq.at(seq.valueStart()) != (byte) 0xff) {
                throw new Der.Unusual("cA other than DER TRUE");
            }
            ca = true;
        }
        if (seq.hasMore()) {
            seq.next(Der.INTEGER).requireMinimalInteger();
            if (seq.at(seq.valueStart()) < 0) {
                throw new Der.Unusual("negative path length");
            }
            pathLen = new BigInteger(seq.value());
        }
        seq.end();
        f.basicConstraints = new ExtensionFacts.Basic(ca, pathLen, critical);
    }

    /** A BIT STRING of one or two bytes with at least one bit set (Bouncy Castle masks the unused bits). */
    private static void keyUsage(ExtensionFacts f, boolean critical, byte[] value) throws Der.Unusual {
        Der d = new Der(value);
        d.next(Der.BIT_STRING);
        int n = d.valueLength();
        int pad = n == 0 ? 8 : d.at(d.valueStart()) & 0xff;
        if (n < 2 || n > 3 || pad > 7) {
            throw new Der.Unusual("unusual key usage");
        }
        int mask = (0xff << pad) & 0xff;
        int bits = n == 2 ? d.at(d.valueStart() + 1) & mask
                : (d.at(d.valueStart() + 1) & 0xff) | ((d.at(d.valueStart() + 2) & mask) << 8);
        if (bits == 0) {
            throw new Der.Unusual("no bit set: a finding, worded by the general route");
        }
        f.keyUsage = bits;
        f.keyUsageCritical = critical;
    }

    /** SEQUENCE SIZE (1..MAX) OF OBJECT IDENTIFIER, in order. */
    private static void extendedKeyUsage(ExtensionFacts f, boolean critical, byte[] value) throws Der.Unusual {
        Der seq = only(value, Der.SEQUENCE);
        List<String> oids = new ArrayList<>(4);
        while (seq.hasMore()) {
            oids.add(seq.next(Der.OID).oid());
        }
        if (oids.isEmpty()) {
            throw new Der.Unusual("empty: a finding, worded by the general route");
        }
        f.extendedKeyUsage = List.copyOf(oids);
        f.extendedKeyUsageCritical = critical;
    }

    /** OCTET STRING. */
    private static void subjectKeyId(ExtensionFacts f, boolean critical, byte[] value) throws Der.Unusual {
        Der d = new Der(value);
        byte[] id = d.next(Der.OCTET_STRING).value();
        d.end();
        f.subjectKeyId = id;
        f.subjectKeyIdCritical = critical;
    }

    /** SEQUENCE { keyIdentifier [0] IMPLICIT OCTET STRING OPTIONAL } (with issuer and serial: the general route). */
    private static void authorityKeyId(ExtensionFacts f, boolean critical, byte[] value) throws Der.Unusual {
        Der seq = only(value, Der.SEQUENCE);
        byte[] keyId = seq.hasMore() ? seq.next(0x80).value() : null;
        seq.end();
        f.authorityKeyId = new ExtensionFacts.AuthorityKeyId(keyId, false, false, critical);
    }

    /** SEQUENCE SIZE (1..MAX) OF SEQUENCE { accessMethod OID, accessLocation [6] IMPLICIT IA5String (a URI) }. */
    private static void authorityInfoAccess(ExtensionFacts f, boolean critical, byte[] value) throws Der.Unusual {
        Der seq = only(value, Der.SEQUENCE);
        if (!seq.hasMore()) {
            throw new Der.Unusual("empty: refused by the general route");
        }
        while (seq.hasMore()) {
            Der description = seq.next(Der.SEQUENCE).inside();
            description.next(Der.OID).oid();
            description.next(0x86);
            description.end();
        }
        f.authorityInfoAccess = true;
        f.authorityInfoAccessCritical = critical;
    }

    /** SEQUENCE SIZE (1..MAX) OF SEQUENCE { policyIdentifier OID, policyQualifiers SEQUENCE OPTIONAL }. */
    private static void policies(ExtensionFacts f, boolean critical, byte[] value) throws Der.Unusual {
        Der seq = only(value, Der.SEQUENCE);
        List<String> ids = new ArrayList<>(2);
        while (seq.hasMore()) {
            Der info = seq.next(Der.SEQUENCE).inside();
            ids.add(info.next(Der.OID).oid());
            if (info.hasMore()) {
                info.next(Der.SEQUENCE);
            }
            info.end();
        }
        if (ids.isEmpty()) {
            throw new Der.Unusual("empty");
        }
        f.policies = new ExtensionFacts.Policies(List.copyOf(ids), critical);
    }

    /** The contents of {@code value}, which must be exactly one element with tag {@code tag}. */
    private static Der only(byte[] value, int tag) throws Der.Unusual {
        Der d = new Der(value);
        Der inside = d.next(tag).inside();
        d.end();
        return inside;
    }
}
