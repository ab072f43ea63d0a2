package dev.certa.core.lint;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * The keys a CA issues for, judged from the bytes of a SubjectPublicKeyInfo alone — before anything
 * costly is done with the key (Boulder's {@code goodkey}). Checking a CSR's self-signature costs what
 * the requester chose: an RSA key of 16,384 bits with a public exponent as large as the modulus takes
 * seconds of CPU per check. So the size and the exponent are read first, and only these keys go on:
 *
 * <ul>
 *   <li>RSA of 2048 to 8192 bits with public exponent 65537 (F4, what every tool makes);
 *   <li>EC on the named curves P-256, P-384 and P-521 (a point of the curve's size);
 *   <li>Ed25519 (a 32-byte key).
 * </ul>
 *
 * <p>Reading these facts never does arithmetic on the key: it is cheap whatever the requester sends.
 */
public final class PublicKeyPolicy {
    public static final int RSA_MIN_BITS = 2048;
    public static final int RSA_MAX_BITS = 8192;
    public static final BigInteger RSA_EXPONENT = BigInteger.valueOf(65537);
    private static final String FIX = "make a new key (e.g. 'certa key create --type p256', or RSA 2048 to 4096 bits with "
            + "exponent 65537) and a new CSR with it";
    /** Named curve → size of a coordinate in bytes. */
    private static final Map<ASN1ObjectIdentifier, Integer> CURVES = Map.of(SECObjectIdentifiers.secp256r1, 32,
            SECObjectIdentifiers.secp384r1, 48, SECObjectIdentifiers.secp521r1, 66);
    private static final Map<ASN1ObjectIdentifier, String> CURVE_NAMES = Map.of(SECObjectIdentifiers.secp256r1, "P-256",
            SECObjectIdentifiers.secp384r1, "P-384", SECObjectIdentifiers.secp521r1, "P-521");

    private PublicKeyPolicy() {}

    /**
     * Refuses a key outside the policy.
     *
     * @param what names the key in the reason, e.g. "the CSR's key"
     * @throws CertaException {@link ErrorKind#UNSUPPORTED_KEY}, saying the size, exponent or curve found and the fix
     */
    public static void check(SubjectPublicKeyInfo key, String what) {
        ASN1ObjectIdentifier algorithm = key.getAlgorithm().getAlgorithm();
        if (algorithm.equals(PKCSObjectIdentifiers.rsaEncryption)) {
            rsa(key, what);
        } else if (algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            ec(key, what);
        } else if (algorithm.equals(EdECObjectIdentifiers.id_Ed25519)) {
            if (key.getPublicKeyData().getPadBits() != 0 || key.getPublicKeyData().getOctets().length != 32) {
                throw refuse(what + " is not a 32-byte Ed25519 key");
            }
        } else {
            throw refuse(what + " uses the algorithm " + algorithm.getId() + "; certa issues for RSA, EC (P-256, P-384, P-521) "
                    + "and Ed25519 keys");
        }
    }

    private static void rsa(SubjectPublicKeyInfo key, String what) {
        RSAPublicKey rsa;
        try {
            rsa = RSAPublicKey.getInstance(key.parsePublicKey());
        } catch (IOException | RuntimeException e) {
            throw refuse(what + " is a malformed RSA key");
        }
        int bits = rsa.getModulus().bitLength();
        if (bits < RSA_MIN_BITS || bits > RSA_MAX_BITS) {
            throw refuse(what + " is an RSA key of " + bits + " bits; certa accepts RSA keys of " + RSA_MIN_BITS + " to "
                    + RSA_MAX_BITS + " bits");
        }
        BigInteger e = rsa.getPublicExponent();
        if (!e.equals(RSA_EXPONENT)) {
            String shown = e.bitLength() <= 32 ? e.toString() : "a number of " + e.bitLength() + " bits";
            throw refuse(what + " is an RSA key with public exponent " + shown + "; certa accepts only the exponent 65537");
        }
        if (!rsa.getModulus().testBit(0)) {
            throw refuse(what + " is an RSA key with an even modulus, which no real key has");
        }
    }

    private static void ec(SubjectPublicKeyInfo key, String what) {
        if (!(key.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve) || !CURVES.containsKey(curve)) {
            throw refuse(what + " is an EC key on a curve certa does not issue for (" + describe(key) + "); certa accepts the "
                    + "named curves P-256, P-384 and P-521");
        }
        int size = CURVES.get(curve);
        if (key.getPublicKeyData().getPadBits() != 0) {
            throw refuse(what + " is not a point on " + CURVE_NAMES.get(curve));
        }
        int length = key.getPublicKeyData().getOctets().length;
        byte form = length == 0 ? 0 : key.getPublicKeyData().getOctets()[0];
        boolean uncompressed = form == 0x04 && length == 1 + 2 * size;
        boolean compressed = (form == 0x02 || form == 0x03) && length == 1 + size;
        if (!(uncompressed || compressed)) {
            throw refuse(what + " is not a point on " + CURVE_NAMES.get(curve) + " (" + length + " bytes)");
        }
    }

    private static String describe(SubjectPublicKeyInfo key) {
        var params = key.getAlgorithm().getParameters();
        return params instanceof ASN1ObjectIdentifier oid ? "curve " + oid.getId() : "explicit curve parameters";
    }

    private static CertaException refuse(String reason) {
        return new CertaException(ErrorKind.UNSUPPORTED_KEY, reason, FIX);
    }
}
