package dev.certa.server.ra;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.util.Base64URL;
import dev.certa.core.crypto.CryptoProviders;
import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.io.InputFiles;
import dev.certa.core.pem.Decoded;
import dev.certa.core.pem.PasswordSource;
import dev.certa.core.pem.PemReader;
import dev.certa.server.config.ProvisionerConfig;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;

/**
 * A provisioner ready to check tokens: its configuration (limits) and a verifier for its key.
 *
 * @param config the name and the limits
 * @param verifier checks token signatures with the provisioner's public key
 */
public record Provisioner(ProvisionerConfig config, JWSVerifier verifier) {

    public String name() {
        return config.name();
    }

    /** Loads the provisioner's public key (PEM, EC P-256/P-384, RSA or Ed25519) named by its configuration. */
    public static Provisioner load(ProvisionerConfig config) {
        String source = config.publicKey().toString();
        return new Provisioner(config, verifierFor(publicKey(InputFiles.read(config.publicKey()), source), source));
    }

    private static PublicKey publicKey(byte[] pem, String source) {
        for (Decoded d : PemReader.read(pem, source, PasswordSource.none())) {
            if (d instanceof Decoded.PublicKeyOnly k) {
                return k.publicKey();
            }
            if (d instanceof Decoded.Certificate c) {
                return c.certificate().getPublicKey();
            }
        }
        throw CertaException.badInput(source + ": holds no public key", "name the provisioner's public key file (*.pub.pem)");
    }

    static JWSVerifier verifierFor(PublicKey key, String source) {
        try {
            if (key instanceof ECPublicKey ec) {
                // Nimbus would verify with the JDK's default provider (SunEC: ~1,300 P-256 verifies/s here, 85% of
                // the server's CPU under load); the native provider verifies ~17,000/s.
                ECDSAVerifier verifier = new ECDSAVerifier(ec);
                verifier.getJCAContext().setProvider(CryptoProviders.get().forSignature(ecdsaAlgorithm(ec)));
                return verifier;
            }
            if (key instanceof RSAPublicKey rsa) {
                return new RSASSAVerifier(rsa);
            }
            if (key.getAlgorithm().equals("Ed25519") || key.getAlgorithm().equals("EdDSA")) {
                byte[] spki = key.getEncoded();
                byte[] raw = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
                return new Ed25519Verifier(new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(raw)).build());
            }
        } catch (JOSEException e) {
            throw new CertaException(ErrorKind.UNSUPPORTED_KEY, "the provisioner key in " + source + " cannot check tokens: "
                    + e.getMessage(), "use an EC P-256 key (certa key create --type p256)");
        }
        throw new CertaException(ErrorKind.UNSUPPORTED_KEY, "the provisioner key in " + source + " is a " + key.getAlgorithm()
                + " key", "use an EC P-256, P-384, RSA or Ed25519 key");
    }

    /** The JCA name of the ECDSA signature a JWS with this key uses (ES256, ES384, ES512). */
    private static String ecdsaAlgorithm(ECPublicKey key) {
        int bits = key.getParams().getCurve().getField().getFieldSize();
        return bits <= 256 ? "SHA256withECDSA" : bits <= 384 ? "SHA384withECDSA" : "SHA512withECDSA";
    }
}
