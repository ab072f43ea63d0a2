package dev.certa.core.pem;

import dev.certa.core.crypto.CryptoProviders;
import dev.certa.core.csr.Csr;
import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads whatever a person hands certa: PEM with any number of blocks, or a single DER object, or a
 * PKCS#12 file. Every failure names the source and says what to do.
 */
public final class PemReader {
    /** Inputs larger than this are refused: no certificate file is this big. */
    public static final int MAX_INPUT_BYTES = 16 * 1024 * 1024;
    /** The PEM labels PEMParser reads as a PKCS#10 request. */
    private static final List<String> CSR_LABELS = List.of("CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST");

    private PemReader() {}

    /** Everything in {@code data}; {@code source} names it in errors (usually the file name). */
    public static List<Decoded> read(byte[] data, String source, PasswordSource passwords) {
        if (data.length > MAX_INPUT_BYTES) {
            throw CertaException.badInput(source + ": the file is " + data.length / (1024 * 1024)
                    + " MiB, too large to be a certificate, key or CSR", "check that this is the right file");
        }
        if (data.length == 0) {
            throw CertaException.badInput(source + ": the file is empty", "check that this is the right file");
        }
        String text = new String(data, StandardCharsets.ISO_8859_1);
        if (text.contains("-----BEGIN ")) {
            return readPem(text, source, passwords);
        }
        if ((data[0] & 0xff) == 0x30) {
            return List.of(DerReader.read(data, source, passwords));
        }
        throw CertaException.badInput(source + ": this is neither PEM nor DER (it begins with '" + preview(data) + "')",
                "pass a certificate, key or CSR in PEM (-----BEGIN …-----) or DER form");
    }

    /** Every certificate in {@code data}, in file order; anything else in the file is an error. */
    public static List<X509Certificate> readCertificates(byte[] data, String source) {
        List<X509Certificate> out = new ArrayList<>();
        for (Decoded d : readExpecting(data, source, "certificate")) {
            if (d instanceof Decoded.Certificate c) {
                out.add(c.certificate());
            } else {
                throw wrongKind(source, d, "certificate");
            }
        }
        return out;
    }

    /** The one certificate in {@code data}. */
    public static X509Certificate readCertificate(byte[] data, String source) {
        List<X509Certificate> certs = readCertificates(data, source);
        if (certs.size() != 1) {
            throw CertaException.badInput(source + ": expected one certificate, found " + certs.size(),
                    "pass a file that holds just the certificate");
        }
        return certs.get(0);
    }

    /** The one private key in {@code data} (any certificates alongside it are ignored). */
    public static Decoded.PrivateKey readPrivateKey(byte[] data, String source, PasswordSource passwords) {
        Decoded.PrivateKey found = null;
        for (Decoded d : read(data, source, passwords)) {
            if (d instanceof Decoded.PrivateKey k) {
                if (found != null) {
                    throw CertaException.badInput(source + ": holds more than one private key", "split the file");
                }
                found = k;
            } else if (!(d instanceof Decoded.Certificate)) {
                throw wrongKind(source, d, "private key");
            }
        }
        if (found == null) {
            throw CertaException.badInput(source + ": holds no private key (it has only certificates)",
                    "pass the key file, e.g. the one written next to the certificate as *-key.pem");
        }
        return found;
    }

    /** The one CSR in {@code data}. */
    public static Csr readCsr(byte[] data, String source) {
        if (data.length <= MAX_INPUT_BYTES) {
            // Most CSRs are one plain PEM block: read it without PEMParser's line-by-line machinery.
            for (String label : CSR_LABELS) {
                Optional<byte[]> der = SinglePemBlock.body(data, label);
                if (der.isPresent()) {
                    try {
                        return Csr.of(new PKCS10CertificationRequest(der.get()));
                    } catch (IOException | RuntimeException e) {
                        break; // let the general path report it
                    }
                }
            }
        }
        List<Decoded> all = readExpecting(data, source, "certificate signing request");
        if (all.size() == 1 && all.get(0) instanceof Decoded.Request r) {
            return r.csr();
        }
        Decoded first = all.get(0);
        if (!(first instanceof Decoded.Request)) {
            throw wrongKind(source, first, "certificate signing request");
        }
        throw CertaException.badInput(source + ": holds more than one object", "pass a file with just the CSR");
    }

    /**
     * Reads a file that should hold no private key. An encrypted key cannot be decrypted without a
     * password, which would surface as "no password was given"; the user needs to hear instead that
     * they passed a key where something else was expected.
     */
    private static List<Decoded> readExpecting(byte[] data, String source, String wanted) {
        try {
            return read(data, source, PasswordSource.none());
        } catch (CertaException e) {
            if (e.kind() == ErrorKind.WRONG_PASSWORD) {
                throw CertaException.badInput(source + ": this is an encrypted private key, not " + articleFor(wanted) + wanted,
                        "pass the " + wanted + " file; keep private keys in a file of their own", e);
            }
            throw e;
        }
    }

    static CertaException wrongKind(String source, Decoded found, String wanted) {
        String fix = found instanceof Decoded.PrivateKey
                ? "pass the " + wanted + " file; keep private keys in a file of their own"
                : "pass the " + wanted + " file";
        return CertaException.badInput(source + ": this is " + articleFor(found.kind()) + found.kind() + ", not "
                + articleFor(wanted) + wanted, fix);
    }

    private static String articleFor(String kind) {
        return "aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ";
    }

    private static List<Decoded> readPem(String text, String source, PasswordSource passwords) {
        List<Decoded> out = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            int index = 0;
            while (true) {
                Object o;
                index++;
                try {
                    o = parser.readObject();
                } catch (IOException | RuntimeException e) {
                    throw damaged(source, index, e);
                }
                if (o == null) {
                    break;
                }
                out.add(convert(o, source, passwords, index));
            }
        } catch (IOException e) {
            throw damaged(source, 0, e);
        }
        if (out.isEmpty()) {
            throw CertaException.badInput(source + ": no PEM object could be read", "check the file");
        }
        return out;
    }

    private static CertaException damaged(String source, int index, Exception e) {
        String where = source + (index > 0 ? " (PEM block " + index + ")" : "");
        Optional<CertaException> duplicate = DuplicateExtensions.error(where, e);
        if (duplicate.isPresent()) {
            return duplicate.get();
        }
        String msg = String.valueOf(e.getMessage());
        boolean unknownType = msg.startsWith("unrecognised object");
        String what = msg.contains("not found") ? "is truncated (its -----END line is missing)"
                : unknownType ? "has a PEM block of a type certa does not read (" + msg.substring(msg.indexOf(':') + 1).trim() + ")"
                : "is damaged: the base64 inside a PEM block is not valid or the data is truncated";
        String fix = unknownType
                ? "pass a certificate, CSR, private or public key, or CRL (PEM or DER), or a PKCS#12 file"
                : "obtain an intact copy of the file";
        return CertaException.badInput(where + ": the file " + what, fix, e);
    }

    private static Decoded convert(Object o, String source, PasswordSource passwords, int index) {
        String where = source + " (PEM block " + index + ")";
        try {
            if (o instanceof X509CertificateHolder h) {
                return new Decoded.Certificate(toJca(h.getEncoded(), where));
            } else if (o instanceof PKCS10CertificationRequest r) {
                return new Decoded.Request(Csr.of(r));
            } else if (o instanceof PrivateKeyInfo pki) {
                return new Decoded.PrivateKey(KeyPairs.fromPrivateKeyInfo(pki), "PKCS#8", false);
            } else if (o instanceof PEMKeyPair kp) {
                return new Decoded.PrivateKey(KeyPairs.fromPrivateKeyInfo(kp.getPrivateKeyInfo()), legacyFormat(kp), false);
            } else if (o instanceof PKCS8EncryptedPrivateKeyInfo enc) {
                return new Decoded.PrivateKey(decryptPkcs8(enc, source, passwords), "PKCS#8 encrypted", true);
            } else if (o instanceof PEMEncryptedKeyPair enc) {
                char[] pw = require(passwords, source);
                try {
                    PEMKeyPair kp = enc.decryptKeyPair(new JcePEMDecryptorProviderBuilder()
                            .setProvider(CryptoProviders.bouncyCastleAlone()).build(pw));
                    return new Decoded.PrivateKey(KeyPairs.fromPrivateKeyInfo(kp.getPrivateKeyInfo()),
                            "legacy encrypted PEM (" + legacyFormat(kp) + ")", true);
                } catch (IOException | RuntimeException e) {
                    throw wrongPassword(source, e);
                } finally {
                    java.util.Arrays.fill(pw, '\0');
                }
            } else if (o instanceof SubjectPublicKeyInfo spki) {
                return new Decoded.PublicKeyOnly(KeyPairs.publicKey(spki));
            } else if (o instanceof X509CRLHolder crl) {
                return new Decoded.Crl(crl);
            }
        } catch (CertaException e) {
            throw e.reason().startsWith(source) ? e : e.in(where);
        } catch (IOException e) {
            throw damaged(source, index, e);
        }
        throw CertaException.badInput(where + ": holds a " + o.getClass().getSimpleName() + ", which certa does not read",
                "pass a certificate, CSR, private or public key");
    }

    private static String legacyFormat(PEMKeyPair kp) {
        String alg = kp.getPrivateKeyInfo().getPrivateKeyAlgorithm().getAlgorithm().getId();
        return alg.equals("1.2.840.113549.1.1.1") ? "PKCS#1 RSA" : alg.equals("1.2.840.10045.2.1") ? "SEC1 EC" : "traditional";
    }

    private static char[] require(PasswordSource passwords, String source) {
        return passwords.passwordFor(source).orElseThrow(() -> new CertaException(ErrorKind.WRONG_PASSWORD,
                source + ": the private key is encrypted and no password was given",
                "give the password with --password-file FILE or the CERTA_PASSWORD environment variable"));
    }

    private static CertaException wrongPassword(String source, Exception e) {
        return new CertaException(ErrorKind.WRONG_PASSWORD, source + ": the password does not decrypt this key",
                "check the password (--password-file or CERTA_PASSWORD)", e);
    }

    static KeyPair decryptPkcs8(PKCS8EncryptedPrivateKeyInfo enc, String source, PasswordSource passwords) {
        char[] pw = require(passwords, source);
        PrivateKeyInfo pki;
        try {
            pki = enc.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                    .setProvider(CryptoProviders.bouncyCastleAlone()).build(pw));
        } catch (Exception e) {
            throw wrongPassword(source, e);
        } finally {
            java.util.Arrays.fill(pw, '\0');
        }
        return KeyPairs.fromPrivateKeyInfo(pki);
    }

    static X509Certificate toJca(byte[] der, String where) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw CertaException.badInput(where + ": the certificate is damaged (" + e.getMessage() + ")",
                    "obtain an intact copy of the certificate", e);
        }
    }

    private static String preview(byte[] data) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(12, data.length); i++) {
            int c = data[i] & 0xff;
            sb.append(c >= 0x20 && c < 0x7f ? (char) c : '.');
        }
        return sb.toString();
    }
}
