package dev.certa.core.crypto;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.security.auth.Destroyable;

/**
 * An issuer's public key made ready to verify many signatures of one algorithm: converted once into the
 * provider that verifies (a native provider otherwise converts a JDK key on every verification and rebuilds its
 * per-key arithmetic, about a quarter of an RSA-2048 verification), with the {@link Signature} objects it has
 * used kept for the next verification (getting one through the JCA costs a provider look-up and a reflective
 * construction). Each kept Signature only ever sees this key: ACCP destroys a key when a Signature object that
 * used it is initialised with another one. Thread-safe; results are those of
 * {@link Signatures#verify(String, PublicKey, byte[], byte[])}.
 */
public final class IssuerKey {
    private final String algorithm;
    private final Provider provider;
    private final PublicKey key;
    private final Queue<Signature> idle = new ConcurrentLinkedQueue<>();

    private IssuerKey(String algorithm, Provider provider, PublicKey key) {
        this.algorithm = algorithm;
        this.provider = provider;
        this.key = key;
    }

    /** {@code key} prepared for signatures of the JCA algorithm {@code algorithm} ("SHA256withRSA"). */
    public static IssuerKey of(String algorithm, PublicKey key) {
        Provider provider = CryptoProviders.get().forSignature(algorithm);
        return new IssuerKey(algorithm, provider, Signatures.prepare(algorithm, key));
    }

    public String algorithm() {
        return algorithm;
    }

    /** False once the provider has destroyed the converted key (then prepare it again). */
    public boolean usable() {
        return !(key instanceof Destroyable d && d.isDestroyed());
    }

    /** True when {@code signature} over {@code data} verifies under this key; false for any failure. */
    public boolean verify(byte[] data, byte[] signature) {
        Signature s = idle.poll();
        try {
            if (s == null) {
                s = Signature.getInstance(algorithm, provider);
            }
            s.initVerify(key);
            s.update(data);
            boolean ok = s.verify(signature);
            idle.offer(s); // verify() leaves it reset; at most one per thread verifying at once is ever kept
            return ok;
        } catch (GeneralSecurityException | RuntimeException e) {
            // that Signature is not kept; as Signatures.verify does, Bouncy Castle has the last word
            return Signatures.verify(algorithm, key, data, signature);
        }
    }
}
