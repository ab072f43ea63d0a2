package dev.certa.core.inspect;

import dev.certa.core.error.CertaException;
import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Bytes as people compare them: uppercase hex pairs joined by colons ({@code AB:CD:01}), the form
 * {@code openssl x509 -fingerprint} and browsers' certificate viewers print.
 */
final class Hex {
    private static final HexFormat COLON = HexFormat.ofDelimiter(":").withUpperCase();

    private Hex() {}

    static String colon(byte[] bytes) {
        return COLON.formatHex(bytes);
    }

    /**
     * A SHA-256 fingerprint. Over a certificate's DER it identifies exactly that certificate; over a
     * SubjectPublicKeyInfo it identifies the key pair, whichever file holds it.
     */
    static String sha256(byte[] der) {
        try {
            return colon(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * SHA-256 of a public key's DER SubjectPublicKeyInfo: the same value whether the key sits in a
     * certificate, a CSR, a private key file or a public key file, so it pairs them up.
     */
    static String sha256(SubjectPublicKeyInfo spki) {
        try {
            return sha256(spki.getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw CertaException.badInput("the public key cannot be encoded (" + e.getMessage() + ")",
                    "obtain an intact copy of the file", e);
        }
    }

    /**
     * A serial number as openssl prints it: the bytes of the integer's magnitude, two hex digits each
     * (so a leading zero nibble is kept), colon-separated. Negative serials, which RFC 5280 forbids
     * but old CAs issued, keep their sign: {@code -01:F4}.
     */
    static String serial(BigInteger serial) {
        byte[] magnitude = serial.abs().toByteArray();
        if (magnitude.length > 1 && magnitude[0] == 0) {
            magnitude = java.util.Arrays.copyOfRange(magnitude, 1, magnitude.length);
        }
        return (serial.signum() < 0 ? "-" : "") + colon(magnitude);
    }
}
