package dev.certa.server.testing;

import dev.certa.core.csr.Csr;
import dev.certa.core.csr.CsrBuilder;
import dev.certa.core.key.KeyType;
import dev.certa.core.key.SoftwareSigner;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.name.SubjectAltName;
import dev.certa.core.pem.PemWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;

/** CSRs an attacker would send: any subject, and RSA keys no one could afford to check. */
public final class Csrs {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Csrs() {}

    /** A correctly signed CSR (fresh P-256 key) whose subject is {@code subject} (RFC 4514, may be empty), with these SANs. */
    public static String withSubject(String subject, String... sans) {
        CsrBuilder b = new CsrBuilder(DistinguishedNames.parse(subject));
        for (String n : sans) {
            b = b.addSubjectAltName(SubjectAltName.parse(n));
        }
        return PemWriter.csr(b.sign(SoftwareSigner.of(KeyType.EC_P256.generate(RANDOM))));
    }

    /**
     * A PKCS#10 request around an RSA "key" of {@code modulusBits} bits with a public exponent of
     * {@code exponentBits} bits (65537 when 17), its signature zeros: built in microseconds, no key pair
     * behind it. A server that verifies it before judging the key spends seconds of CPU on each.
     */
    public static String hostileRsa(int modulusBits, int exponentBits, String name) {
        BigInteger modulus = new BigInteger(modulusBits - 1, RANDOM).setBit(modulusBits - 1).setBit(0);
        BigInteger exponent = exponentBits == 17 ? BigInteger.valueOf(65537)
                : new BigInteger(exponentBits - 1, RANDOM).setBit(exponentBits - 1).setBit(0);
        try {
            SubjectPublicKeyInfo key = new SubjectPublicKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption,
                    DERNull.INSTANCE), new RSAPublicKey(modulus, exponent));
            var request = new PKCS10CertificationRequestBuilder(DistinguishedNames.commonName(name), key)
                    .build(new ZeroSignature(modulusBits / 8));
            return PemWriter.csr(Csr.of(request));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The DER of a PEM CSR, base64url as ACME's finalize wants it. */
    public static String base64url(String pem) {
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(der);
    }

    /** Claims sha256WithRSAEncryption and signs with zeros. */
    private record ZeroSignature(int length) implements ContentSigner {
        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption, DERNull.INSTANCE);
        }

        @Override
        public OutputStream getOutputStream() {
            return new ByteArrayOutputStream();
        }

        @Override
        public byte[] getSignature() {
            return new byte[length];
        }
    }
}
