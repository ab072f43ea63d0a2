package dev.certa.core.key;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import java.io.IOException;
import java.security.PublicKey;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * What a public key is, as a person asks: "EC P-256", "RSA 3072", "Ed25519"; and which signature
 * algorithm certa uses with it (ECDSA with the hash matching the curve, RSA PKCS#1 v1.5 SHA-256,
 * Ed25519).
 *
 * @param algorithm EC, RSA, Ed25519, or the OID of anything else
 * @param bits key size: curve size for EC, modulus size for RSA
 * @param curve NIST curve name for EC keys (P-256, P-384, P-521)
 * @param supported whether certa issues for and signs with this key
 */
public record KeyDescription(String algorithm, int bits, Optional<String> curve, boolean supported) {

    /** Describes a JCA public key (any provider) through its SubjectPublicKeyInfo. */
    public static KeyDescription of(PublicKey key) {
        return of(SubjectPublicKeyInfo.getInstance(key.getEncoded()));
    }

    public static KeyDescription of(SubjectPublicKeyInfo spki) {
        ASN1ObjectIdentifier oid = spki.getAlgorithm().getAlgorithm();
        if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            var params = spki.getAlgorithm().getParameters();
            if (!(params instanceof ASN1ObjectIdentifier curveOid)) {
                return new KeyDescription("EC", 0, Optional.of("explicit parameters"), false);
            }
            if (curveOid.equals(SECObjectIdentifiers.secp256r1)) {
                return new KeyDescription("EC", 256, Optional.of("P-256"), true);
            } else if (curveOid.equals(SECObjectIdentifiers.secp384r1)) {
                return new KeyDescription("EC", 384, Optional.of("P-384"), true);
            } else if (curveOid.equals(SECObjectIdentifiers.secp521r1)) {
                return new KeyDescription("EC", 521, Optional.of("P-521"), true);
            }
            var named = ECNamedCurveTable.getByOID(curveOid);
            String name = Optional.ofNullable(ECNamedCurveTable.getName(curveOid)).orElse(curveOid.getId());
            int bits = named == null ? 0 : named.getCurve().getFieldSize();
            return new KeyDescription("EC", bits, Optional.of(name), false);
        }
        if (oid.equals(PKCSObjectIdentifiers.rsaEncryption)) {
            try {
                int bits = RSAPublicKey.getInstance(spki.parsePublicKey()).getModulus().bitLength();
                return new KeyDescription("RSA", bits, Optional.empty(), bits >= 2048 && bits <= 16384);
            } catch (IOException | IllegalArgumentException | IllegalStateException e) { // ISE: a BIT STRING with unused bits
                throw CertaException.badInput("the RSA public key is malformed", "regenerate the key", e);
            }
        }
        if (oid.equals(EdECObjectIdentifiers.id_Ed25519)) {
            return new KeyDescription("Ed25519", 255, Optional.empty(), true);
        }
        if (oid.equals(EdECObjectIdentifiers.id_Ed448)) {
            return new KeyDescription("Ed448", 448, Optional.empty(), false);
        }
        if (oid.equals(X9ObjectIdentifiers.id_dsa)) {
            return new KeyDescription("DSA", 0, Optional.empty(), false);
        }
        return new KeyDescription(oid.getId(), 0, Optional.empty(), false);
    }

    /** "EC P-256", "RSA 2048", "Ed25519". */
    public String display() {
        return switch (algorithm) {
            case "EC" -> "EC " + curve.orElse(bits + " bits");
            case "RSA", "DSA" -> algorithm + (bits > 0 ? " " + bits : "");
            default -> algorithm;
        };
    }

    /** The JCA signature algorithm certa uses with this key. */
    public String signatureAlgorithm() {
        requireSupported();
        return switch (algorithm) {
            case "EC" -> bits <= 256 ? "SHA256withECDSA" : bits <= 384 ? "SHA384withECDSA" : "SHA512withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> "Ed25519";
        };
    }

    /** Throws {@link ErrorKind#UNSUPPORTED_KEY} with advice when certa will not use this key. */
    public KeyDescription requireSupported() {
        if (supported) {
            return this;
        }
        String why = switch (algorithm) {
            case "RSA" -> bits < 2048
                    ? "RSA " + bits + " is too weak (at least 2048 bits is required)"
                    : "RSA " + bits + " is larger than certa accepts";
            case "EC" -> "the elliptic curve " + curve.orElse("?") + " is not supported";
            case "DSA" -> "DSA keys are not supported";
            default -> "the key algorithm " + algorithm + " is not supported";
        };
        throw new CertaException(ErrorKind.UNSUPPORTED_KEY, why,
                "use an EC P-256 (default), P-384, RSA 2048/3072/4096 or Ed25519 key");
    }
}
