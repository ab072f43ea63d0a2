package dev.certa.core.revocation;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * How an OCSP request names a certificate (RFC 6960 4.1.1): not by the certificate itself but by its
 * issuer (a hash of the issuer's name and a hash of the issuer's public key, both with
 * {@code hashAlgorithm}) and its serial number. The responder finds the issuer by recomputing those
 * hashes over each CA it serves.
 *
 * <p>{@link #der()} is the CertID exactly as it was decoded, re-encoded as DER: the response echoes it,
 * and the response cache uses it as its key.
 */
public record CertId(OcspHash hashAlgorithm, byte[] issuerNameHash, byte[] issuerKeyHash, BigInteger serial, byte[] der) {

    public CertId {
        issuerNameHash = issuerNameHash.clone();
        issuerKeyHash = issuerKeyHash.clone();
        der = der.clone();
    }

    @Override
    public byte[] issuerNameHash() {
        return issuerNameHash.clone();
    }

    @Override
    public byte[] issuerKeyHash() {
        return issuerKeyHash.clone();
    }

    @Override
    public byte[] der() {
        return der.clone();
    }

    /** The DER without a copy, for the encoder and the cache, which never change it. */
    byte[] derShared() {
        return der;
    }

    boolean names(OcspHash alg, byte[] nameHash, byte[] keyHash) {
        return alg == hashAlgorithm && Arrays.equals(nameHash, issuerNameHash) && Arrays.equals(keyHash, issuerKeyHash);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertId c && Arrays.equals(der, c.der);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(der);
    }

    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        return "CertId[" + hashAlgorithm + ", issuerNameHash=" + hex.formatHex(issuerNameHash) + ", issuerKeyHash="
                + hex.formatHex(issuerKeyHash) + ", serial=" + serial.toString(16) + "]";
    }
}
