package dev.certa.core.pem;

import dev.certa.core.crypto.CryptoProviders;
import dev.certa.core.csr.Csr;
import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import java.io.IOException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.util.ScryptConfig;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfoBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

/**
 * Writes PEM. Private keys are PKCS#8; encrypted ones use PBES2 with AES-256-CBC and scrypt
 * (N=2^14, r=8, p=1 — the parameters of {@code openssl pkcs8 -scrypt}, within OpenSSL's default
 * scrypt memory limit), which OpenSSL 1.1+ and Bouncy Castle read.
 */
public final class PemWriter {
    private static final Base64.Encoder MIME = Base64.getMimeEncoder(64, new byte[] {'\n'});

    private PemWriter() {}

    public static String block(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + MIME.encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    public static String certificate(X509Certificate c) {
        try {
            return block("CERTIFICATE", c.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Certificates one after the other, in the order given. */
    public static String certificates(List<X509Certificate> certs) {
        StringBuilder sb = new StringBuilder();
        for (X509Certificate c : certs) {
            sb.append(certificate(c));
        }
        return sb.toString();
    }

    public static String csr(Csr csr) {
        return block("CERTIFICATE REQUEST", csr.der());
    }

    public static String publicKey(PublicKey key) {
        return block("PUBLIC KEY", key.getEncoded());
    }

    /** An unencrypted PKCS#8 private key ("-----BEGIN PRIVATE KEY-----"). */
    public static String privateKey(PrivateKey key) {
        return block("PRIVATE KEY", key.getEncoded());
    }

    /** An encrypted PKCS#8 private key ("-----BEGIN ENCRYPTED PRIVATE KEY-----"). */
    public static String encryptedPrivateKey(PrivateKey key, char[] password, SecureRandom random) {
        if (password.length == 0) {
            throw new CertaException(ErrorKind.USAGE, "an empty password cannot protect a key",
                    "choose a password, or ask for an unencrypted key explicitly");
        }
        try {
            OutputEncryptor enc = new JcePKCSPBEOutputEncryptorBuilder(
                    new ScryptConfig.Builder(1 << 14, 8, 1).withSaltLength(16).build(), NISTObjectIdentifiers.id_aes256_CBC)
                    .setProvider(CryptoProviders.bouncyCastleAlone())
                    .setRandom(random)
                    .build(password);
            byte[] der = new PKCS8EncryptedPrivateKeyInfoBuilder(PrivateKeyInfo.getInstance(key.getEncoded()))
                    .build(enc).getEncoded();
            return block("ENCRYPTED PRIVATE KEY", der);
        } catch (OperatorCreationException | IOException e) {
            throw new CertaException(ErrorKind.INTERNAL, "could not encrypt the private key: " + e.getMessage(), null, e);
        }
    }
}
