package dev.certa.core.path;

import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Judges a certificate's public key: what the web PKI allows (RSA of at least 2048 bits and a multiple
 * of 8, ECDSA on P-256, P-384 or P-521 with a named curve, Ed25519/Ed448) and what is merely weak.
 */
final class KeyStrength {
    private KeyStrength() {}

    /** What kind of key and how strong: "RSA 1024", "EC P-192", "DSA". */
    record Judgement(String description, Optional<String> forbidden, Optional<String> weak) {}

    static Judgement judge(SubjectPublicKeyInfo spki) {
        ASN1ObjectIdentifier alg = spki.getAlgorithm().getAlgorithm();
        if (alg.equals(PKCSObjectIdentifiers.rsaEncryption)) {
            int bits;
            try {
                bits = RSAPublicKey.getInstance(spki.parsePublicKey()).getModulus().bitLength();
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
        if (alg.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            var params = spki.getAlgorithm().getParameters();
            if (!(params instanceof ASN1ObjectIdentifier curve)) {
                return new Judgement("EC (explicit parameters)", Optional.empty(),
                        Optional.of("its EC key spells out the curve parameters instead of naming a standard curve"));
            }
            if (curve.equals(SECObjectIdentifiers.secp256r1) || curve.equals(SECObjectIdentifiers.secp384r1)
                    || curve.equals(SECObjectIdentifiers.secp521r1)) {
                return new Judgement("EC " + curve.getId(), Optional.empty(), Optional.empty());
            }
            return new Judgement("EC " + curve.getId(), Optional.empty(),
                    Optional.of("its EC key is on the curve " + curve.getId() + ", not P-256, P-384 or P-521"));
        }
        if (alg.equals(EdECObjectIdentifiers.id_Ed25519) || alg.equals(EdECObjectIdentifiers.id_Ed448)) {
            return new Judgement(alg.equals(EdECObjectIdentifiers.id_Ed25519) ? "Ed25519" : "Ed448", Optional.empty(), Optional.empty());
        }
        if (alg.equals(X9ObjectIdentifiers.id_dsa)) {
            return new Judgement("DSA", Optional.empty(), Optional.of("its key is a DSA key, which is no longer accepted"));
        }
        return new Judgement(alg.getId(), Optional.empty(), Optional.of("its key algorithm " + alg.getId() + " is not one TLS uses"));
    }
}
