package dev.certa.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.key.KeyType;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import org.junit.jupiter.api.Test;

/**
 * Issuer keys kept across verifications: several of them, used in turn and with bad signatures in between,
 * keep verifying. (ACCP destroys a key when a Signature object moves on to another key; IssuerKey never lets
 * one of its Signature objects see another key.)
 */
class IssuerKeyTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void keysUsedInTurnKeepVerifying() throws Exception {
        byte[] data = "to be signed".getBytes(StandardCharsets.US_ASCII);
        KeyPair rsa1 = KeyType.RSA_2048.generate(RANDOM);
        KeyPair rsa2 = KeyType.RSA_2048.generate(RANDOM);
        KeyPair ec = KeyType.EC_P256.generate(RANDOM);
        IssuerKey k1 = IssuerKey.of("SHA256withRSA", rsa1.getPublic());
        IssuerKey k2 = IssuerKey.of("SHA256withRSA", rsa2.getPublic());
        IssuerKey k3 = IssuerKey.of("SHA256withECDSA", ec.getPublic());
        byte[] s1 = sign("SHA256withRSA", rsa1, data);
        byte[] s2 = sign("SHA256withRSA", rsa2, data);
        byte[] s3 = sign("SHA256withECDSA", ec, data);
        for (int round = 0; round < 3; round++) {
            assertThat(k1.verify(data, s1)).isTrue();
            assertThat(k2.verify(data, s2)).isTrue();
            assertThat(k1.verify(data, s2)).as("another key's signature").isFalse();
            assertThat(k3.verify(data, s3)).isTrue();
            assertThat(k3.verify(data, new byte[] {0x30, 0x00})).as("a malformed signature").isFalse();
            assertThat(k2.verify("other data".getBytes(StandardCharsets.US_ASCII), s2)).isFalse();
        }
        assertThat(k1.usable() && k2.usable() && k3.usable()).isTrue();
        assertThat(Signatures.verify("SHA256withRSA", rsa1.getPublic(), data, s1)).isTrue();
    }

    private static byte[] sign(String algorithm, KeyPair pair, byte[] data) throws Exception {
        Signature s = Signature.getInstance(algorithm);
        s.initSign(pair.getPrivate());
        s.update(data);
        return s.sign();
    }
}
