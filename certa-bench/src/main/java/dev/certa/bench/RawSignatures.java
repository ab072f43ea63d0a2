package dev.certa.bench;

import dev.certa.core.key.KeyDescription;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * Signing and verifying with one key pair in one provider, with everything that can be done once
 * done once: the keys are converted into the provider and each Signature is initialised a single
 * time, so a call measures the hash and the public-key arithmetic only.
 */
final class RawSignatures {
    private final Signature signer;
    private final Signature verifier;
    private final byte[] message;
    private final byte[] signature;

    private RawSignatures(Signature signer, Signature verifier, byte[] message, byte[] signature) {
        this.signer = signer;
        this.verifier = verifier;
        this.message = message;
        this.signature = signature;
    }

    /** Converts {@code pair} into {@code provider} and signs {@code message} once to have something to verify. */
    static RawSignatures create(Provider provider, KeyPair pair, byte[] message) throws GeneralSecurityException {
        String algorithm = KeyDescription.of(pair.getPublic()).signatureAlgorithm();
        KeyFactory keys = KeyFactory.getInstance(pair.getPublic().getAlgorithm().equals("RSA") ? "RSA" : "EC", provider);
        PrivateKey privateKey = keys.generatePrivate(new PKCS8EncodedKeySpec(pair.getPrivate().getEncoded()));
        PublicKey publicKey = keys.generatePublic(new X509EncodedKeySpec(pair.getPublic().getEncoded()));
        Signature signer = Signature.getInstance(algorithm, provider);
        signer.initSign(privateKey);
        Signature verifier = Signature.getInstance(algorithm, provider);
        verifier.initVerify(publicKey);
        signer.update(message);
        byte[] signature = signer.sign();
        RawSignatures raw = new RawSignatures(signer, verifier, message.clone(), signature);
        if (!raw.verify()) {
            throw new IllegalStateException(provider.getName() + " does not verify its own " + algorithm + " signature");
        }
        return raw;
    }

    byte[] sign() throws SignatureException {
        signer.update(message);
        return signer.sign();
    }

    boolean verify() throws SignatureException {
        verifier.update(message);
        return verifier.verify(signature);
    }
}
