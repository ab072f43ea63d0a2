package dev.certa.core.crypto;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;

/** Signature verification with the fastest provider that offers the algorithm. */
public final class Signatures {
    private Signatures() {}

    /** True when {@code signature} over {@code data} verifies under {@code key}; false for any failure. */
    public static boolean verify(String algorithm, PublicKey key, byte[] data, byte[] signature) {
        CryptoProviders providers = CryptoProviders.get();
        var preferred = providers.forSignature(algorithm);
        try {
            return verifyWith(preferred, algorithm, key, data, signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            if (preferred == providers.bouncyCastle()) {
                return false;
            }
            try {
                return verifyWith(providers.bouncyCastle(), algorithm, key, data, signature);
            } catch (GeneralSecurityException | RuntimeException e2) {
                return false;
            }
        }
    }

    /**
     * {@code key} converted once into the provider that verifies {@code algorithm}, for a key that will verify
     * many signatures (an intermediate's): a native provider otherwise converts a JDK key on every
     * verification, and rebuilds its per-key arithmetic (for RSA-2048 about a quarter of a verification). The
     * key itself when it cannot be converted; {@link #verify(String, PublicKey, byte[], byte[])} takes either.
     */
    public static PublicKey prepare(String algorithm, PublicKey key) {
        Provider preferred = CryptoProviders.get().forSignature(algorithm);
        if (preferred == CryptoProviders.get().bouncyCastle()) {
            return key; // Bouncy Castle gains nothing from converting first
        }
        try {
            return (PublicKey) KeyFactory.getInstance(key.getAlgorithm(), preferred).translateKey(key);
        } catch (GeneralSecurityException | RuntimeException e) {
            return key;
        }
    }

    /**
     * Like {@link #verify(String, PublicKey, byte[], byte[])} for an encoded key, which is decoded
     * straight into the provider that verifies: a key read from a CSR goes to the native provider
     * without a detour through a JDK key object that the native provider would have to translate.
     * Keys of a family other than EC, RSA or Ed25519 are refused: see {@link #keyFamily}.
     */
    public static boolean verify(String algorithm, SubjectPublicKeyInfo key, byte[] data, byte[] signature) {
        String family = keyFamily(key).orElse(null);
        if (family == null) {
            return false;
        }
        X509EncodedKeySpec spec;
        try {
            spec = new X509EncodedKeySpec(key.getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            return false;
        }
        CryptoProviders providers = CryptoProviders.get();
        Provider preferred = providers.forSignature(algorithm);
        try {
            return verifyWith(preferred, algorithm, publicKey(family, spec, preferred), data, signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            if (preferred == providers.bouncyCastle()) {
                return false;
            }
            try {
                Provider bc = providers.bouncyCastle();
                return verifyWith(bc, algorithm, publicKey(family, spec, bc), data, signature);
            } catch (GeneralSecurityException | RuntimeException e2) {
                return false;
            }
        }
    }

    /**
     * The JCA key family (EC on a named curve, RSA, Ed25519) of an encoded public key, if it is one of
     * those; anything else (EC with explicit curve parameters, RSASSA-PSS, DSA…) is left to callers.
     */
    public static Optional<String> keyFamily(SubjectPublicKeyInfo key) {
        ASN1ObjectIdentifier oid = key.getAlgorithm().getAlgorithm();
        if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            if (!(key.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier)) {
                return Optional.empty();
            }
            return Optional.of("EC");
        } else if (oid.equals(PKCSObjectIdentifiers.rsaEncryption)) {
            return Optional.of("RSA");
        } else if (oid.equals(EdECObjectIdentifiers.id_Ed25519)) {
            return Optional.of("Ed25519");
        }
        return Optional.empty();
    }

    private static PublicKey publicKey(String family, X509EncodedKeySpec spec, Provider p)
            throws GeneralSecurityException {
        return KeyFactory.getInstance(family, p).generatePublic(spec);
    }

    private static boolean verifyWith(java.security.Provider p, String alg, PublicKey key, byte[] data, byte[] sig)
            throws GeneralSecurityException {
        Signature s = Signature.getInstance(alg, p);
        s.initVerify(key);
        s.update(data);
        return s.verify(sig);
    }

    /** The JCA name for a signature AlgorithmIdentifier, e.g. SHA256WITHECDSA. */
    public static String jcaName(AlgorithmIdentifier id) {
        String name = new DefaultAlgorithmNameFinder().getAlgorithmName(id);
        return name.equalsIgnoreCase("ED25519") ? "Ed25519" : name;
    }

    /** A Bouncy Castle verifier provider backed by {@link #verify(String, PublicKey, byte[], byte[])}. */
    public static ContentVerifierProvider verifierProvider(PublicKey key) {
        return verifierProvider((alg, data, signature) -> verify(alg, key, data, signature));
    }

    /**
     * A Bouncy Castle verifier provider backed by {@link #verify(String, SubjectPublicKeyInfo, byte[], byte[])}:
     * the key is decoded into the verifying provider on each verification.
     */
    public static ContentVerifierProvider verifierProvider(SubjectPublicKeyInfo key) {
        return verifierProvider((alg, data, signature) -> verify(alg, key, data, signature));
    }

    private interface Check {
        boolean verify(String algorithm, byte[] data, byte[] signature);
    }

    private static ContentVerifierProvider verifierProvider(Check check) {
        return new ContentVerifierProvider() {
            @Override
            public boolean hasAssociatedCertificate() {
                return false;
            }

            @Override
            public org.bouncycastle.cert.X509CertificateHolder getAssociatedCertificate() {
                return null;
            }

            @Override
            public ContentVerifier get(AlgorithmIdentifier id) {
                String alg = jcaName(id);
                ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
                return new ContentVerifier() {
                    @Override
                    public AlgorithmIdentifier getAlgorithmIdentifier() {
                        return id;
                    }

                    @Override
                    public OutputStream getOutputStream() {
                        return buffer;
                    }

                    @Override
                    public boolean verify(byte[] signature) {
                        return check.verify(alg, buffer.toByteArray(), signature);
                    }
                };
            }
        };
    }
}
