package dev.certa.core.lint;

import static dev.certa.core.lint.Drafts.onlyFinding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.crypto.CryptoProviders;
import dev.certa.core.key.KeyType;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class KeyStrengthLintTest {
    private final KeyStrengthLint lint = new KeyStrengthLint();
    private static final SecureRandom RANDOM = new SecureRandom();

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"EC_P256", "EC_P384", "RSA_2048", "ED25519"})
    void keysCertaGeneratesPass(KeyType type) {
        assertThat(lint.check(Drafts.server("www.example.com").key(type.generate(RANDOM).getPublic()).build())).isEmpty();
    }

    @Test
    void rsa1024IsRefusedSayingHowManyBitsItHasAndNeeds() throws Exception {
        LintFinding f = onlyFinding(lint, Drafts.server("www.example.com").key(generate("RSA", 1024)));
        assertThat(f.severity()).isEqualTo(LintFinding.Severity.ERROR);
        assertThat(f.message()).isEqualTo("the RSA key has 1024 bits; at least 2048 are required");
        assertThat(f.fix()).contains("certa key create --type p256").contains("new CSR");
    }

    @Test
    void dsaIsRefusedByName() throws Exception {
        LintFinding f = onlyFinding(lint, Drafts.server("www.example.com").key(generate("DSA", 2048)));
        assertThat(f.isError()).isTrue();
        assertThat(f.message()).isEqualTo("the key (DSA) is not a type certa issues for");
    }

    @Test
    void p192IsRefusedNamingTheCurve() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", CryptoProviders.bouncyCastleOnly().bouncyCastle());
        g.initialize(new ECGenParameterSpec("secp192r1"), RANDOM);
        LintFinding f = onlyFinding(lint, Drafts.server("www.example.com").key(g.generateKeyPair().getPublic()));
        assertThat(f.isError()).isTrue();
        assertThat(f.message()).contains("EC prime192v1").contains("not a type certa issues for");
    }

    private static PublicKey generate(String algorithm, int bits) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
        g.initialize(bits, RANDOM);
        return g.generateKeyPair().getPublic();
    }
}
