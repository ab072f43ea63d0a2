package dev.certa.core.key;

import dev.certa.core.crypto.CryptoProviders;
import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The key types certa generates. EC P-256 is the default: small, fast, accepted everywhere. RSA
 * stays for old clients; Ed25519 is fast and simple but not yet accepted by browsers for TLS.
 */
public enum KeyType {
    EC_P256("p256", "EC", 256),
    EC_P384("p384", "EC", 384),
    RSA_2048("rsa2048", "RSA", 2048),
    RSA_3072("rsa3072", "RSA", 3072),
    RSA_4096("rsa4096", "RSA", 4096),
    ED25519("ed25519", "Ed25519", 255);

    private final String id;
    private final String algorithm;
    private final int bits;

    KeyType(String id, String algorithm, int bits) {
        this.id = id;
        this.algorithm = algorithm;
        this.bits = bits;
    }

    /** The short name used on the command line: p256, p384, rsa2048, rsa3072, rsa4096, ed25519. */
    public String id() {
        return id;
    }

    /** The JCA algorithm family: EC, RSA or Ed25519. */
    public String algorithm() {
        return algorithm;
    }

    public int bits() {
        return bits;
    }

    /**
     * Parses a key type as a person writes it: {@code p256}, {@code P-256}, {@code ec}, {@code ecdsa},
     * {@code rsa} (2048), {@code rsa3072}, {@code ed25519}.
     */
    public static KeyType parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return switch (t) {
            case "p256", "ec", "ecdsa", "ecp256", "secp256r1", "prime256v1" -> EC_P256;
            case "p384", "ecp384", "secp384r1" -> EC_P384;
            case "rsa", "rsa2048" -> RSA_2048;
            case "rsa3072" -> RSA_3072;
            case "rsa4096" -> RSA_4096;
            case "ed25519", "eddsa" -> ED25519;
            default -> throw new CertaException(
                    ErrorKind.UNSUPPORTED_KEY,
                    "unknown key type '" + text + "'",
                    "use one of " + Arrays.stream(values()).map(KeyType::id).collect(Collectors.joining(", ")));
        };
    }

    /**
     * Which clients refuse certificates with this key (or signed by it), when some do: the CA/Browser Forum
     * Baseline Requirements allow only RSA and ECDSA P-256/P-384/P-521 keys in the web PKI, and Chromium
     * (Chrome, Edge) and NSS (Firefox) refuse Ed25519 certificates and cannot use an Ed25519 root.
     */
    public java.util.Optional<String> refusedBy() {
        return this == ED25519
                ? java.util.Optional.of("browsers refuse Ed25519 certificates (Chromium: ERR_CERT_INVALID or"
                        + " ERR_SSL_VERSION_OR_CIPHER_MISMATCH; NSS/Firefox cannot even import an Ed25519 root), and the CA/Browser"
                        + " Forum rules allow only RSA and ECDSA P-256/P-384/P-521; OpenSSL, Go, rustls and Java accept them."
                        + " Use --key-type p256 for anything a browser will see")
                : java.util.Optional.empty();
    }

    /** Generates a fresh key pair with the fastest provider available. */
    public KeyPair generate(SecureRandom random) {
        String jca = this == ED25519 ? "Ed25519" : algorithm;
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(jca, CryptoProviders.get().forKeyPairGenerator(jca));
            switch (this) {
                case EC_P256 -> g.initialize(new ECGenParameterSpec("secp256r1"), random);
                case EC_P384 -> g.initialize(new ECGenParameterSpec("secp384r1"), random);
                case RSA_2048, RSA_3072, RSA_4096 ->
                    g.initialize(new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4), random);
                case ED25519 -> {
                    // fixed curve; nothing to set
                }
            }
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new CertaException(ErrorKind.INTERNAL, "could not generate a " + id + " key: " + e.getMessage(),
                    null, e);
        }
    }
}
