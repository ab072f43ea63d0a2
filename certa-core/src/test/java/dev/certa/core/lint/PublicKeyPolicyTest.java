package dev.certa.core.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.key.KeyType;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PublicKeyPolicyTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** An RSA SubjectPublicKeyInfo around any modulus and exponent: no key pair needed, nothing computed. */
    static SubjectPublicKeyInfo rsa(int bits, BigInteger exponent) {
        BigInteger modulus = BigInteger.ONE.shiftLeft(bits - 1).add(BigInteger.ONE); // odd, exactly `bits` long
        try {
            return new SubjectPublicKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                    new RSAPublicKey(modulus, exponent));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String refusal(SubjectPublicKeyInfo key) {
        CertaException e = catchThrowableOfType(CertaException.class, () -> PublicKeyPolicy.check(key, "the CSR's key"));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.kind()).isEqualTo(ErrorKind.UNSUPPORTED_KEY);
        assertThat(e.fix()).hasValueSatisfying(f -> assertThat(f).contains("certa key create"));
        return e.reason();
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"EC_P256", "EC_P384", "RSA_2048", "ED25519"})
    void keysCertaGeneratesPass(KeyType type) {
        SubjectPublicKeyInfo key = SubjectPublicKeyInfo.getInstance(type.generate(RANDOM).getPublic().getEncoded());
        assertThatCode(() -> PublicKeyPolicy.check(key, "the key")).doesNotThrowAnyException();
    }

    @Test
    void rsaOf8192BitsWithF4Passes() {
        assertThatCode(() -> PublicKeyPolicy.check(rsa(8192, PublicKeyPolicy.RSA_EXPONENT), "k")).doesNotThrowAnyException();
    }

    @Test
    void hugeRsaModulusIsRefusedNamingItsSize() {
        assertThat(refusal(rsa(16384, PublicKeyPolicy.RSA_EXPONENT)))
                .isEqualTo("the CSR's key is an RSA key of 16384 bits; certa accepts RSA keys of 2048 to 8192 bits");
        assertThat(refusal(rsa(1024, PublicKeyPolicy.RSA_EXPONENT))).contains("1024 bits");
    }

    @Test
    void anExponentOtherThan65537IsRefusedAndAHugeOneIsDescribedBySize() {
        assertThat(refusal(rsa(2048, BigInteger.valueOf(3)))).contains("public exponent 3;", "only the exponent 65537");
        BigInteger huge = BigInteger.ONE.shiftLeft(4095).add(BigInteger.ONE);
        assertThat(refusal(rsa(4096, huge))).contains("public exponent a number of 4096 bits");
    }

    @Test
    void ecOnAnotherCurveOrWithAWrongSizedPointIsRefused() {
        var k1 = new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, SECObjectIdentifiers.secp256k1),
                new byte[65]);
        assertThat(refusal(k1)).contains("P-256, P-384 and P-521");
        var shortPoint = new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey,
                SECObjectIdentifiers.secp256r1), new byte[] {4, 1, 2});
        assertThat(refusal(shortPoint)).contains("not a point on P-256");
    }

    @Test
    void otherAlgorithmsAreRefusedByOid() {
        var dsa = new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_dsa), new byte[10]);
        assertThat(refusal(dsa)).contains("1.2.840.10040.4.1");
    }
}
