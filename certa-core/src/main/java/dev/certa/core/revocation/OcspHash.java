package dev.certa.core.revocation;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;

/**
 * The hash algorithms an OCSP CertID may use to name the issuer. SHA-1 is what openssl and most
 * clients send (RFC 5019 requires responders to accept it); SHA-1's weakness does not matter here,
 * as the hashes only identify a public name and key and are never signed over by themselves.
 */
public enum OcspHash {
    SHA1(OIWObjectIdentifiers.idSHA1, "SHA-1", 20),
    SHA256(NISTObjectIdentifiers.id_sha256, "SHA-256", 32),
    SHA384(NISTObjectIdentifiers.id_sha384, "SHA-384", 48),
    SHA512(NISTObjectIdentifiers.id_sha512, "SHA-512", 64);

    private final ASN1ObjectIdentifier oid;
    private final String jcaName;
    private final int length;

    OcspHash(ASN1ObjectIdentifier oid, String jcaName, int length) {
        this.oid = oid;
        this.jcaName = jcaName;
        this.length = length;
    }

    public ASN1ObjectIdentifier oid() {
        return oid;
    }

    /** The digest length in octets: what issuerNameHash and issuerKeyHash must measure. */
    public int length() {
        return length;
    }

    public byte[] digest(byte[] data) {
        try {
            return MessageDigest.getInstance(jcaName).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jcaName + " is missing from the JDK", e);
        }
    }

    public static Optional<OcspHash> of(ASN1ObjectIdentifier oid) {
        for (OcspHash h : values()) {
            if (h.oid.equals(oid)) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }
}
