package dev.certa.core.pem;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/** Turns encoded private keys into JCA key pairs, deriving the public half when it is not stored. */
public final class KeyPairs {
    private KeyPairs() {}

    /** A key pair from a PKCS#8 PrivateKeyInfo, using the JDK's providers for the key objects. */
    public static KeyPair fromPrivateKeyInfo(PrivateKeyInfo info) {
        try {
            SubjectPublicKeyInfo spki = publicKeyInfo(info);
            String family = family(info.getPrivateKeyAlgorithm().getAlgorithm());
            KeyFactory kf = KeyFactory.getInstance(family);
            PrivateKey priv = kf.generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
            PublicKey pub = kf.generatePublic(new X509EncodedKeySpec(spki.getEncoded()));
            return new KeyPair(pub, priv);
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            if (e instanceof CertaException ce) {
                throw ce;
            }
            throw new CertaException(ErrorKind.UNSUPPORTED_KEY,
                    "the private key cannot be loaded (" + e.getMessage() + ")",
                    "use an EC P-256, P-384, RSA or Ed25519 key in PKCS#8, PKCS#1 or SEC1 PEM", e);
        }
    }

    /** A JCA public key from a SubjectPublicKeyInfo. */
    public static PublicKey publicKey(SubjectPublicKeyInfo spki) {
        try {
            String family = family(spki.getAlgorithm().getAlgorithm());
            return KeyFactory.getInstance(family).generatePublic(new X509EncodedKeySpec(spki.getEncoded()));
        } catch (GeneralSecurityException | IOException e) {
            throw new CertaException(ErrorKind.UNSUPPORTED_KEY, "the public key cannot be loaded (" + e.getMessage() + ")",
                    "use an EC P-256, P-384, RSA or Ed25519 key", e);
        }
    }

    private static String family(ASN1ObjectIdentifier oid) {
        if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            return "EC";
        } else if (oid.equals(PKCSObjectIdentifiers.rsaEncryption)) {
            return "RSA";
        } else if (oid.equals(EdECObjectIdentifiers.id_Ed25519)) {
            return "Ed25519";
        } else if (oid.equals(EdECObjectIdentifiers.id_Ed448)) {
            return "Ed448";
        } else if (oid.equals(X9ObjectIdentifiers.id_dsa)) {
            throw new CertaException(ErrorKind.UNSUPPORTED_KEY, "DSA keys are not supported",
                    "use an EC P-256 (default), P-384, RSA 2048+ or Ed25519 key");
        }
        throw new CertaException(ErrorKind.UNSUPPORTED_KEY, "the key algorithm " + oid.getId() + " is not supported",
                "use an EC P-256 (default), P-384, RSA 2048+ or Ed25519 key");
    }

    /** The SubjectPublicKeyInfo matching a private key, computed from the private key if needed. */
    static SubjectPublicKeyInfo publicKeyInfo(PrivateKeyInfo info) throws IOException {
        AlgorithmIdentifier alg = info.getPrivateKeyAlgorithm();
        ASN1ObjectIdentifier oid = alg.getAlgorithm();
        if (oid.equals(PKCSObjectIdentifiers.rsaEncryption)) {
            RSAPrivateKey k = RSAPrivateKey.getInstance(info.parsePrivateKey());
            return new SubjectPublicKeyInfo(alg, new RSAPublicKey(k.getModulus(), k.getPublicExponent()));
        }
        if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            var ec = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey());
            DERBitString stored = (DERBitString) ec.getPublicKey();
            if (stored != null) {
                return new SubjectPublicKeyInfo(alg, stored.getBytes());
            }
            if (!(alg.getParameters() instanceof ASN1ObjectIdentifier curve)) {
                throw new CertaException(ErrorKind.UNSUPPORTED_KEY, "EC keys with explicit curve parameters are not supported",
                        "use a named curve such as P-256");
            }
            X9ECParameters params = ECNamedCurveTable.getByOID(curve);
            BigInteger d = ec.getKey();
            byte[] q = params.getG().multiply(d).normalize().getEncoded(false);
            return new SubjectPublicKeyInfo(alg, q);
        }
        if (oid.equals(EdECObjectIdentifiers.id_Ed25519)) {
            if (info.getPublicKeyData() != null) {
                return new SubjectPublicKeyInfo(alg, info.getPublicKeyData().getBytes());
            }
            byte[] seed = org.bouncycastle.asn1.ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
            return new SubjectPublicKeyInfo(alg, new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded());
        }
        family(oid); // throws the right "unsupported" error
        throw new CertaException(ErrorKind.UNSUPPORTED_KEY, "unsupported key " + oid.getId(), null);
    }
}
