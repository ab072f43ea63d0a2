package dev.certa.core.pem;

import dev.certa.core.csr.Csr;
import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import java.io.IOException;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.CertificateList;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/** Recognises a single DER object: certificate, CSR, CRL, private key (PKCS#8, PKCS#1, SEC1, encrypted) or public key. */
final class DerReader {
    private DerReader() {}

    static Decoded read(byte[] data, String source, PasswordSource passwords) {
        ASN1Sequence seq;
        try {
            ASN1Primitive p = ASN1Primitive.fromByteArray(data);
            seq = ASN1Sequence.getInstance(p);
        } catch (IOException | RuntimeException e) {
            throw CertaException.badInput(source + ": the DER data is damaged or truncated",
                    "obtain an intact copy of the file", e);
        }
        if (Pkcs12Reader.looksLikePkcs12(seq)) {
            throw CertaException.badInput(source + ": this is a PKCS#12 keystore",
                    "read it as PKCS#12 (certa inspect handles .p12/.pfx files by their name)");
        }
        try {
            Certificate c = Certificate.getInstance(seq);
            return new Decoded.Certificate(PemReader.toJca(c.getEncoded(), source));
        } catch (IOException | RuntimeException e) {
            if (e instanceof CertaException ce && seq.size() == 3 && seq.getObjectAt(0) instanceof ASN1Sequence tbs && tbs.size() >= 6) {
                throw ce;
            }
            Optional<CertaException> duplicate = DuplicateExtensions.error(source, e);
            if (duplicate.isPresent()) {
                throw duplicate.get();
            }
        }
        try {
            var r = org.bouncycastle.asn1.pkcs.CertificationRequest.getInstance(seq);
            return new Decoded.Request(Csr.fromDer(r.getEncoded(), source));
        } catch (IOException | RuntimeException e) {
            // not a CSR
        }
        try {
            return new Decoded.Crl(new X509CRLHolder(CertificateList.getInstance(seq)));
        } catch (RuntimeException e) {
            // not a CRL
        }
        if (seq.size() >= 3 && seq.getObjectAt(0) instanceof ASN1Integer) {
            try {
                return new Decoded.PrivateKey(KeyPairs.fromPrivateKeyInfo(PrivateKeyInfo.getInstance(seq)), "PKCS#8 (DER)", false);
            } catch (RuntimeException e) {
                if (e instanceof CertaException ce && ce.kind() == ErrorKind.UNSUPPORTED_KEY) {
                    throw ce.in(source);
                }
            }
        }
        if (seq.size() == 2 && seq.getObjectAt(1) instanceof org.bouncycastle.asn1.ASN1OctetString) {
            try {
                var enc = new PKCS8EncryptedPrivateKeyInfo(EncryptedPrivateKeyInfo.getInstance(seq));
                return new Decoded.PrivateKey(PemReader.decryptPkcs8(enc, source, passwords), "PKCS#8 encrypted (DER)", true);
            } catch (CertaException e) {
                throw e;
            } catch (RuntimeException e) {
                // not encrypted PKCS#8
            }
        }
        Optional<Decoded.PrivateKey> traditional = traditionalDerKey(seq, source);
        if (traditional.isPresent()) {
            return traditional.get();
        }
        try {
            return new Decoded.PublicKeyOnly(KeyPairs.publicKey(SubjectPublicKeyInfo.getInstance(seq)));
        } catch (RuntimeException e) {
            if (e instanceof CertaException ce && ce.kind() == ErrorKind.UNSUPPORTED_KEY) {
                throw ce.in(source);
            }
        }
        throw CertaException.badInput(source + ": DER data of a kind certa does not recognise",
                "pass a certificate, CSR, key or CRL (PEM or DER), or a PKCS#12 file");
    }

    /**
     * A PKCS#1 RSAPrivateKey or SEC1 ECPrivateKey in DER: what {@code openssl pkey -outform DER} (and
     * {@code openssl rsa}/{@code ec -outform DER}) write for RSA and EC keys. Empty if {@code seq} is
     * neither; the SEC1 key is wrapped with its curve as PEMParser does for "EC PRIVATE KEY" blocks.
     */
    private static Optional<Decoded.PrivateKey> traditionalDerKey(ASN1Sequence seq, String source) {
        PrivateKeyInfo info;
        String format;
        try {
            if (seq.size() >= 9 && allIntegers(seq)) {
                info = new PrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                        RSAPrivateKey.getInstance(seq));
                format = "PKCS#1 RSA (DER)";
            } else if (seq.size() >= 2 && seq.getObjectAt(0) instanceof ASN1Integer v && v.hasValue(1)
                    && seq.getObjectAt(1) instanceof ASN1OctetString) {
                ECPrivateKey ec = ECPrivateKey.getInstance(seq);
                ASN1Object curve = ec.getParametersObject();
                if (curve == null) {
                    throw CertaException.badInput(source + ": the SEC1 EC private key does not name its curve",
                            "export it as PKCS#8, which records the curve: openssl pkcs8 -topk8 -nocrypt -in KEY");
                }
                info = new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve), ec);
                format = "SEC1 EC (DER)";
            } else {
                return Optional.empty();
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Decoded.PrivateKey(KeyPairs.fromPrivateKeyInfo(info), format, false));
        } catch (CertaException e) {
            throw e.in(source);
        }
    }

    private static boolean allIntegers(ASN1Sequence seq) {
        for (int i = 0; i < seq.size(); i++) {
            if (!(seq.getObjectAt(i) instanceof ASN1Integer)) {
                return false;
            }
        }
        return true;
    }
}
