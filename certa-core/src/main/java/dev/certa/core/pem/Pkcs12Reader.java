package dev.certa.core.pem;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

/** Reads PKCS#12 (.p12/.pfx) and JKS keystores: keys with their chains, and trusted certificates. */
public final class Pkcs12Reader {
    private Pkcs12Reader() {}

    static boolean looksLikePkcs12(ASN1Sequence seq) {
        return seq.size() >= 2 && seq.getObjectAt(0) instanceof ASN1Integer v && v.hasValue(3)
                && seq.getObjectAt(1) instanceof ASN1Sequence;
    }

    /** True when the bytes are a DER PKCS#12 PFX or a JKS keystore. */
    public static boolean isKeystore(byte[] data) {
        if (data.length >= 4 && (data[0] & 0xff) == 0xFE && (data[1] & 0xff) == 0xED && (data[2] & 0xff) == 0xFE
                && (data[3] & 0xff) == 0xED) {
            return true; // JKS magic
        }
        if (data.length < 2 || (data[0] & 0xff) != 0x30) {
            return false;
        }
        try {
            return looksLikePkcs12(ASN1Sequence.getInstance(data));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Every key (with its chain) and trusted certificate in a keystore. */
    public static List<Decoded> read(byte[] data, String source, PasswordSource passwords) {
        boolean jks = (data[0] & 0xff) == 0xFE;
        char[] pw = passwords.passwordFor(source).orElse(new char[0]);
        KeyStore ks;
        try {
            ks = KeyStore.getInstance(jks ? "JKS" : "PKCS12");
            ks.load(new ByteArrayInputStream(data), pw);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new CertaException(ErrorKind.WRONG_PASSWORD,
                        source + ": the keystore password is wrong" + (pw.length == 0 ? " (none was given)" : ""),
                        "give the keystore password with --password-file FILE or CERTA_PASSWORD", e);
            }
            throw CertaException.badInput(source + ": the keystore is damaged (" + e.getMessage() + ")",
                    "obtain an intact copy of the keystore", e);
        } catch (GeneralSecurityException e) {
            throw CertaException.badInput(source + ": the keystore cannot be read (" + e.getMessage() + ")",
                    "export it again", e);
        }
        List<Decoded> out = new ArrayList<>();
        try {
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    var key = ks.getKey(alias, pw);
                    Certificate[] chain = Optional.ofNullable(ks.getCertificateChain(alias)).orElse(new Certificate[0]);
                    if (key instanceof PrivateKey pk) {
                        KeyPair pair = KeyPairs.fromPrivateKeyInfo(PrivateKeyInfo.getInstance(pk.getEncoded()));
                        out.add(new Decoded.PrivateKey(pair, jks ? "JKS" : "PKCS#12", true));
                    }
                    for (Certificate c : chain) {
                        out.add(new Decoded.Certificate((X509Certificate) c));
                    }
                } else if (ks.getCertificate(alias) instanceof X509Certificate c) {
                    out.add(new Decoded.Certificate(c));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new CertaException(ErrorKind.WRONG_PASSWORD, source + ": a key in the keystore cannot be recovered ("
                    + e.getMessage() + ")", "the key password must equal the keystore password", e);
        } finally {
            java.util.Arrays.fill(pw, '\0');
        }
        return out;
    }
}
