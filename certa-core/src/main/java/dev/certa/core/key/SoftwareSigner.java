package dev.certa.core.key;

import dev.certa.core.crypto.CryptoProviders;
import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * A signer whose private key is in memory (read from a file). The key is converted once into the
 * fastest provider that accepts it; Bouncy Castle is the fallback. Each thread that signs keeps one
 * {@link Signature} initialised with the key, so a signature costs the arithmetic and not a provider
 * lookup and key set-up.
 */
public final class SoftwareSigner implements Signer {
    private final PublicKey publicKey;
    private final PrivateKey privateKey;
    private final String algorithm;
    private final Provider provider;
    private final AlgorithmIdentifier algorithmIdentifier;
    private final ThreadLocal<Signature> signatures = new ThreadLocal<>();

    private SoftwareSigner(PublicKey publicKey, PrivateKey privateKey, String algorithm, Provider provider) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
        this.algorithm = algorithm;
        this.provider = provider;
        this.algorithmIdentifier = Signer.super.algorithmIdentifier();
    }

    /** A signer for a key pair, using the algorithm certa pairs with the key type. */
    public static SoftwareSigner of(KeyPair pair) {
        return of(pair, CryptoProviders.get());
    }

    public static SoftwareSigner of(KeyPair pair, CryptoProviders providers) {
        String algorithm = KeyDescription.of(pair.getPublic()).requireSupported().signatureAlgorithm();
        Provider preferred = providers.forSignature(algorithm);
        if (preferred != providers.bouncyCastle()) {
            PrivateKey converted = convert(pair.getPrivate(), preferred);
            if (converted != null && canSign(converted, algorithm, preferred)) {
                return new SoftwareSigner(pair.getPublic(), converted, algorithm, preferred);
            }
        }
        Provider bc = providers.bouncyCastle();
        PrivateKey key = convert(pair.getPrivate(), bc);
        if (key == null || !canSign(key, algorithm, bc)) {
            throw new CertaException(ErrorKind.UNSUPPORTED_KEY,
                    "this " + KeyDescription.of(pair.getPublic()).display() + " private key cannot sign",
                    "regenerate the key with 'certa key create'");
        }
        return new SoftwareSigner(pair.getPublic(), key, algorithm, bc);
    }

    private static PrivateKey convert(PrivateKey key, Provider provider) {
        String family = key.getAlgorithm().equals("ECDSA") ? "EC" : key.getAlgorithm();
        if (family.equals("EdDSA")) {
            family = "Ed25519";
        }
        try {
            return KeyFactory.getInstance(family, provider).generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException | RuntimeException e) {
            return family.equals("Ed25519") ? key : null; // some providers sign with foreign Ed25519 keys as-is
        }
    }

    private static boolean canSign(PrivateKey key, String algorithm, Provider provider) {
        try {
            Signature s = Signature.getInstance(algorithm, provider);
            s.initSign(key);
            s.update((byte) 0);
            s.sign();
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public PublicKey publicKey() {
        return publicKey;
    }

    @Override
    public String algorithm() {
        return algorithm;
    }

    /** The provider doing the arithmetic, for diagnostics and benchmarks. */
    public Provider provider() {
        return provider;
    }

    /** Computed once: it follows from the algorithm. */
    @Override
    public AlgorithmIdentifier algorithmIdentifier() {
        return algorithmIdentifier;
    }

    @Override
    public byte[] sign(byte[] data) {
        Signature s = signatures.get();
        try {
            if (s == null) {
                s = Signature.getInstance(algorithm, provider);
                s.initSign(privateKey);
                signatures.set(s);
            }
            s.update(data);
            return s.sign(); // and s is ready for the next message under the same key
        } catch (GeneralSecurityException | RuntimeException e) {
            signatures.remove(); // never reuse an object a failure may have left half-way
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new CertaException(ErrorKind.INTERNAL, "signing failed: " + e.getMessage(), null, e);
        }
    }
}
