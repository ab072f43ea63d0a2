package dev.certa.core.bundle;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Keystores for Java servers and clients: a PKCS#12 (or JKS) file holding a private key with its
 * certificate chain, and truststores holding the roots to trust. PKCS#12 files use the JDK's
 * defaults (PBES2 AES-256, HMAC-SHA256 MAC), which OpenSSL 3 and keytool read.
 */
public final class Keystores {
    private Keystores() {}

    /** The keystore formats certa writes. */
    public enum Format {
        PKCS12, JKS;

        public static Format parse(String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "pkcs12", "p12", "pfx" -> PKCS12;
                case "jks" -> JKS;
                default -> throw new CertaException(ErrorKind.USAGE, "unknown keystore format '" + s + "'",
                        "use pkcs12 (recommended) or jks");
            };
        }
    }

    /**
     * A keystore with one key entry: {@code key} and its chain (leaf first, then intermediates; the root
     * may be included).
     */
    public static byte[] withKey(Format format, String alias, PrivateKey key, List<X509Certificate> chain, char[] password) {
        if (chain.isEmpty()) {
            throw new CertaException(ErrorKind.USAGE, "a key entry needs its certificate", "pass the certificate with the key");
        }
        requirePassword(password);
        try {
            KeyStore ks = empty(format);
            ks.setKeyEntry(alias, key, password, chain.toArray(Certificate[]::new));
            return store(ks, password);
        } catch (GeneralSecurityException e) {
            throw new CertaException(ErrorKind.BAD_INPUT, "the key does not fit the certificate chain (" + e.getMessage() + ")",
                    "pass the key that belongs to the first certificate", e);
        }
    }

    /** A truststore holding {@code roots} as trusted certificates, aliased by their common names. */
    public static byte[] truststore(Format format, List<X509Certificate> roots, char[] password) {
        if (roots.isEmpty()) {
            throw new CertaException(ErrorKind.USAGE, "a truststore needs at least one certificate", "pass the root CA certificate");
        }
        requirePassword(password);
        try {
            KeyStore ks = empty(format);
            Set<String> used = new LinkedHashSet<>();
            for (X509Certificate c : roots) {
                String base = aliasFor(c);
                String alias = base;
                for (int i = 2; !used.add(alias); i++) {
                    alias = base + "-" + i;
                }
                ks.setCertificateEntry(alias, c);
            }
            return store(ks, password);
        } catch (GeneralSecurityException e) {
            throw new CertaException(ErrorKind.INTERNAL, "could not build the truststore: " + e.getMessage(), null, e);
        }
    }

    /** A readable alias from a certificate's common name: "example root ca". */
    public static String aliasFor(X509Certificate c) {
        String dn = c.getSubjectX500Principal().getName();
        for (String part : dn.split(",")) {
            if (part.startsWith("CN=")) {
                return part.substring(3).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", " ").trim();
            }
        }
        return c.getSerialNumber().toString(16);
    }

    private static void requirePassword(char[] password) {
        if (password.length == 0) {
            throw new CertaException(ErrorKind.USAGE, "a keystore needs a password (Java refuses empty ones)",
                    "give one with --password-file FILE or CERTA_PASSWORD; 'changeit' is the Java convention for truststores");
        }
    }

    private static KeyStore empty(Format format) throws GeneralSecurityException {
        try {
            KeyStore ks = KeyStore.getInstance(format.name());
            ks.load(null, null);
            return ks;
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static byte[] store(KeyStore ks, char[] password) throws GeneralSecurityException {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, password);
            return out.toByteArray();
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
