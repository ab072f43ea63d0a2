package dev.certa.core.inspect;

import dev.certa.core.key.KeyDescription;

/**
 * A bare public key (a "-----BEGIN PUBLIC KEY-----" SubjectPublicKeyInfo), as used for key pinning.
 *
 * @param publicKeySha256 SHA-256 of the DER SubjectPublicKeyInfo, colon hex; the same value is shown for
 *     the matching certificate, CSR and private key
 */
public record PublicKeyView(KeyDescription key, String publicKeySha256) implements InspectedItem {

    @Override
    public String kind() {
        return "publicKey";
    }

    @Override
    public String label() {
        return "public key";
    }
}
