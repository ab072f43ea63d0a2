package dev.certa.core.path;

import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.jspecify.annotations.Nullable;

/**
 * Judges a certificate's public key: what the web PKI allows (RSA of at least 2048 bits and a multiple
 * of 8, ECDSA on P-256, P-384 or P-521 with a named curve) and what is merely weak. Ed25519 and Ed448 are
 * sound keys that RFC 5280 paths may carry, but outside what the web PKI allows.
 */
final class KeyStrength {
    private static final String RSA = PKCSObjectIdentifiers.rsaEncryption.getId();
    private static final String EC = X9ObjectIdentifiers.id_ecPublicKey.getId();
    private static final String P256 = SECObjectIdentifiers.secp256r1.getId();
    private static final String P384 = SECObjectIdentifiers.secp384r1.getId();
    private static final String P521 = SECObjectIdentifiers.secp521r1.getId();
    private static final String ED25519 = EdECObjectIdentifiers.id_Ed25519.getId();
    private static final String ED448 = EdECObjectIdentifiers.id_Ed448.getId();
    private static final String DSA = X9ObjectIdentifiers.id_dsa.getId();

    private KeyStrength() {}

    /**
     * What kind of key and how strong: "RSA 1024", "EC P-192", "DSA".
     *
     * @param outsideWebPki why a sound key is still not one the CA/Browser Forum Baseline Requirements allow
     */
    record Judgement(String description, Optional<String> forbidden, Optional<String> weak, Optional<String> outsideWebPki) {
        Judgement(String description, Optional<String> forbidden, Optional<String> weak) {
            this(description, forbidden, weak, Optional.empty());
        }
    }

    static Judgement judge(SubjectPublicKeyInfo spki) {
        String curve = spki.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier c ? c.getId() : null;
        return judge(spki.getAlgorithm().getAlgorithm().getId(), curve,
                () -> RSAPublicKey.getInstance(spki.parsePublicKey()).getModulus().bitLength());
    }

    /**
     * As {@link #judge(SubjectPublicKeyInfo)} for a key split out by {@link PlainCertificate}: {@code curve} is
     * the algorithm's parameters when they are an OID, {@code spki} the whole SubjectPublicKeyInfo in DER.
     */
    static Judgement judge(String algorithm, @Nullable String curve, byte[] spki) {
        return judge(algorithm, curve, () -> rsaBits(spki));
    }

    private interface Bits {
        int get() throws java.io.IOException;
    }

    private static Judgement judge(String alg, @Nullable String curve, Bits rsaBits) {
        if (alg.equals(RSA)) {
            int bits;
            try {
                bits = rsaBits.get();
            } catch (java.io.IOException | RuntimeException e) {
                return new Judgement("RSA (malformed)", Optional.of("its RSA key is malformed"), Optional.empty());
            }
            String d = "RSA " + bits;
            if (bits < 1024) {
                return new Judgement(d, Optional.of("its " + d + " key can be broken"), Optional.empty());
            }
            if (bits < 2048) {
                return new Judgement(d, Optional.empty(), Optional.of("its " + d + " key is weak (2048 bits is the minimum today)"));
            }
            if (bits % 8 != 0) {
                return new Judgement(d, Optional.empty(), Optional.of("its " + d + " key is not a whole number of bytes"));
            }
            return new Judgement(d, Optional.empty(), Optional.empty());
        }
        if (alg.equals(EC)) {
            if (curve == null) {
                return new Judgement("EC (explicit parameters)", Optional.empty(),
                        Optional.of("its EC key spells out the curve parameters instead of naming a standard curve"));
            }
            if (curve.equals(P256) || curve.equals(P384) || curve.equals(P521)) {
                return new Judgement("EC " + curve, Optional.empty(), Optional.empty());
            }
            return new Judgement("EC " + curve, Optional.empty(),
                    Optional.of("its EC key is on the curve " + curve + ", not P-256, P-384 or P-521"));
        }
        if (alg.equals(ED25519) || alg.equals(ED448)) {
            String d = alg.equals(ED25519) ? "Ed25519" : "Ed448";
            return new Judgement(d, Optional.empty(), Optional.empty(), Optional.of("its key is an " + d + " key, which the"
                    + " CA/Browser Forum Baseline Requirements (6.1.5) do not allow in the web PKI: Chromium and NSS (Firefox)"
                    + " refuse it"));
        }
        if (alg.equals(DSA)) {
            return new Judgement("DSA", Optional.empty(), Optional.of("its key is a DSA key, which is no longer accepted"));
        }
        return new Judgement(alg, Optional.empty(), Optional.of("its key algorithm " + alg + " is not one TLS uses"));
    }

    /**
     * The modulus length of an RSA key in plain DER, read directly; anything unusual is read by Bouncy Castle
     * as before, which also decides whether it is malformed.
     */
    private static int rsaBits(byte[] spki) throws java.io.IOException {
        try {
            Der outer = new Der(spki);
            Der info = outer.next(Der.SEQUENCE).inside();
            info.next(Der.SEQUENCE);
            int from = info.next(Der.BIT_STRING).octetAlignedBits();
            Der key = new Der(spki, from, info.valueEnd());
            Der numbers = key.next(Der.SEQUENCE).inside();
            key.end();
            numbers.next(Der.INTEGER).requireMinimalInteger();
            int start = numbers.valueStart();
            int length = numbers.valueLength();
            numbers.next(Der.INTEGER).requireMinimalInteger();
            numbers.end();
            while (length > 0 && numbers.at(start) == 0) { // the magnitude, as BC's getPositiveValue reads it
                start++;
                length--;
            }
            return length == 0 ? 0 : (length - 1) * 8 + (32 - Integer.numberOfLeadingZeros(numbers.at(start) & 0xff));
        } catch (Der.Unusual e) {
            return RSAPublicKey.getInstance(SubjectPublicKeyInfo.getInstance(spki).parsePublicKey()).getModulus().bitLength();
        }
    }
}
