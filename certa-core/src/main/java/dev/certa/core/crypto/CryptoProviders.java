package dev.certa.core.crypto;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Signature;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.jspecify.annotations.Nullable;

/**
 * Which JCA provider does the arithmetic. Signing and verification go to the Amazon Corretto Crypto
 * Provider (AWS-LC, native) where it loads and offers the algorithm: on a 2-core x86-64 machine it
 * signs ECDSA P-256 about 4× faster than Bouncy Castle. Bouncy Castle is the fallback for every
 * algorithm and always handles the ASN.1 structures.
 *
 * <p>Detection runs once, on first use; {@code CERTA_NATIVE_CRYPTO=off} (or the system property
 * {@code certa.nativeCrypto=off}) forces the pure-Java path. Instances are immutable apart from a
 * cache of which algorithms the native provider offers.
 */
public final class CryptoProviders {
    private final Provider bouncyCastle;
    private final @Nullable Provider fast;
    private final @Nullable String fastUnavailableReason;
    private final Map<String, Provider> bySignature = new ConcurrentHashMap<>();
    private final Map<String, Provider> byKeyPairGenerator = new ConcurrentHashMap<>();

    private CryptoProviders(Provider bouncyCastle, @Nullable Provider fast, @Nullable String fastUnavailableReason) {
        this.bouncyCastle = bouncyCastle;
        this.fast = fast;
        this.fastUnavailableReason = fastUnavailableReason;
    }

    /** The process-wide providers, detected on first call. */
    public static CryptoProviders get() {
        return Holder.INSTANCE;
    }

    /**
     * Bouncy Castle alone, without detecting the native provider (which costs ~300 ms the first time):
     * for PBE decryption of keys and other work that never needs native speed.
     */
    public static Provider bouncyCastleAlone() {
        return BouncyCastleHolder.INSTANCE;
    }

    /** Providers with only Bouncy Castle, e.g. to measure the fallback. */
    public static CryptoProviders bouncyCastleOnly() {
        return new CryptoProviders(bouncyCastleProvider(), null, "disabled by the caller");
    }

    /** Bouncy Castle, for the ASN.1/PKCS structures and as the fallback. Not registered globally. */
    public Provider bouncyCastle() {
        return bouncyCastle;
    }

    /** The native provider, if it loaded. */
    public Optional<Provider> fast() {
        return Optional.ofNullable(fast);
    }

    /** The provider for a JCA signature algorithm name such as {@code SHA256withECDSA}. */
    public Provider forSignature(String algorithm) {
        Provider p = bySignature.get(algorithm); // every verification asks: no key to build, no lambda
        return p != null ? p : bySignature.computeIfAbsent(algorithm, k -> pick(algorithm, true));
    }

    /** The provider for generating key pairs of a JCA algorithm ({@code EC}, {@code RSA}, {@code Ed25519}). */
    public Provider forKeyPairGenerator(String algorithm) {
        return byKeyPairGenerator.computeIfAbsent(algorithm, k -> pick(algorithm, false));
    }

    private Provider pick(String algorithm, boolean signature) {
        if (fast != null) {
            try {
                if (signature) {
                    Signature.getInstance(algorithm, fast);
                } else {
                    KeyPairGenerator.getInstance(algorithm, fast);
                }
                return fast;
            } catch (NoSuchAlgorithmException e) {
                // fall through to Bouncy Castle
            }
        }
        return bouncyCastle;
    }

    /** One line for diagnostics, e.g. "AmazonCorrettoCryptoProvider 2.5.0 (native), BC 1.87 fallback". */
    public String describe() {
        if (fast != null) {
            return fast.getName() + " " + fast.getVersionStr() + " (native), " + bouncyCastle.getName() + " "
                    + bouncyCastle.getVersionStr() + " fallback";
        }
        return bouncyCastle.getName() + " " + bouncyCastle.getVersionStr() + " (native provider unavailable: "
                + fastUnavailableReason + ")";
    }

    private static Provider bouncyCastleProvider() {
        return BouncyCastleHolder.INSTANCE;
    }

    private static CryptoProviders detect() {
        Provider bc = bouncyCastleProvider();
        String setting = Optional.ofNullable(System.getProperty("certa.nativeCrypto"))
                .orElseGet(() -> Optional.ofNullable(System.getenv("CERTA_NATIVE_CRYPTO")).orElse("auto"));
        if (setting.equalsIgnoreCase("off") || setting.equalsIgnoreCase("false")) {
            return new CryptoProviders(bc, null, "turned off by CERTA_NATIVE_CRYPTO/certa.nativeCrypto");
        }
        try {
            var accp = com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider.INSTANCE;
            accp.assertHealthy();
            return new CryptoProviders(bc, accp, null);
        } catch (Throwable t) { // UnsatisfiedLinkError, NoClassDefFoundError, a failed self-test…
            return new CryptoProviders(bc, null, t.getClass().getSimpleName() + ": " + t.getMessage());
        }
    }

    private static final class BouncyCastleHolder {
        static final Provider INSTANCE = new BouncyCastleProvider();
    }

    private static final class Holder {
        static final CryptoProviders INSTANCE = detect();
    }
}
