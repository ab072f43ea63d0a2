package dev.certa.core.inspect;

import dev.certa.core.key.KeyDescription;

/**
 * A private key, described only by its public half: the key type, how the file stores it, and the
 * fingerprint of the matching public key. Compare {@code publicKeySha256} with a certificate's or
 * CSR's to find which certificate the key belongs to. No field is derived from the private bits.
 *
 * @param format how the key was stored: PKCS#8, PKCS#8 encrypted, PKCS#1 RSA, SEC1 EC, PKCS#12, …
 * @param encrypted whether the file protects the key with a password
 * @param publicKeySha256 SHA-256 of the matching public key's DER SubjectPublicKeyInfo, colon hex
 */
public record PrivateKeyView(KeyDescription key, String format, boolean encrypted, String publicKeySha256)
        implements InspectedItem {

    @Override
    public String kind() {
        return "privateKey";
    }

    @Override
    public String label() {
        return "private key";
    }
}
