package dev.certa.server.signing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/**
 * A CA's stable id in the store and in URLs: the first 16 bytes of the SHA-256 of its public key, in
 * hex. Every node with the same CA computes the same id.
 */
public final class IssuerIds {
    private IssuerIds() {}

    public static String of(X509Certificate ca) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(ca.getPublicKey().getEncoded());
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
