package dev.certa.core.pem;

import dev.certa.core.csr.Csr;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import org.bouncycastle.cert.X509CRLHolder;

/** One object found in a PEM, DER or PKCS#12 file. */
public sealed interface Decoded {

    /** What a person calls it: "certificate", "private key", … */
    String kind();

    record Certificate(X509Certificate certificate) implements Decoded {
        @Override
        public String kind() {
            return "certificate";
        }
    }

    record Request(Csr csr) implements Decoded {
        @Override
        public String kind() {
            return "certificate signing request";
        }
    }

    /**
     * A private key with its public half.
     *
     * @param format how it was stored: "PKCS#8", "PKCS#8 encrypted", "PKCS#1 RSA", "SEC1 EC", "legacy encrypted PEM", "PKCS#12"
     */
    record PrivateKey(KeyPair keyPair, String format, boolean encrypted) implements Decoded {
        @Override
        public String kind() {
            return "private key";
        }
    }

    record PublicKeyOnly(PublicKey publicKey) implements Decoded {
        @Override
        public String kind() {
            return "public key";
        }
    }

    record Crl(X509CRLHolder crl) implements Decoded {
        @Override
        public String kind() {
            return "certificate revocation list";
        }
    }
}
