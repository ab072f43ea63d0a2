package dev.certa.core.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.testing.Keys;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyTypeTest {

    @ParameterizedTest
    @CsvSource({
        "p256, EC_P256", "P-256, EC_P256", "ec, EC_P256", "ECDSA, EC_P256", "prime256v1, EC_P256", " p256 , EC_P256",
        "p384, EC_P384", "P-384, EC_P384",
        "rsa, RSA_2048", "RSA, RSA_2048", "rsa2048, RSA_2048", "rsa3072, RSA_3072", "RSA-3072, RSA_3072", "rsa_4096, RSA_4096",
        "ed25519, ED25519", "Ed25519, ED25519",
    })
    void parsesWhatPeopleWrite(String text, KeyType expected) {
        assertThat(KeyType.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void everyIdParsesBackToItsType(KeyType type) {
        assertThat(KeyType.parse(type.id())).isEqualTo(type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dsa", "rsa1024", "p192", "ed448", ""})
    void refusesOthersListingTheValidOnes(String text) {
        CertaException e = assertThrows(CertaException.class, () -> KeyType.parse(text));
        assertThat(e.kind()).isEqualTo(ErrorKind.UNSUPPORTED_KEY);
        assertThat(e.reason()).isEqualTo("unknown key type '" + text + "'");
        assertThat(e.fix()).hasValue("use one of p256, p384, rsa2048, rsa3072, rsa4096, ed25519");
    }

    @ParameterizedTest
    @CsvSource({
        "EC_P256,  EC,      256, P-256, EC P-256, SHA256withECDSA",
        "EC_P384,  EC,      384, P-384, EC P-384, SHA384withECDSA",
        "RSA_2048, RSA,     2048,     , RSA 2048, SHA256withRSA",
        "RSA_3072, RSA,     3072,     , RSA 3072, SHA256withRSA",
        "RSA_4096, RSA,     4096,     , RSA 4096, SHA256withRSA",
        "ED25519,  Ed25519, 255,      , Ed25519,  Ed25519",
    })
    void generatedKeysDescribeThemselves(KeyType type, String algorithm, int bits, String curve, String display,
            String signature) {
        KeyDescription d = KeyDescription.of(Keys.of(type).getPublic());
        assertThat(d.algorithm()).isEqualTo(algorithm).isEqualTo(type.algorithm());
        assertThat(d.bits()).isEqualTo(bits).isEqualTo(type.bits());
        assertThat(d.curve()).isEqualTo(Optional.ofNullable(curve));
        assertThat(d.display()).isEqualTo(display);
        assertThat(d.supported()).isTrue();
        assertThat(d.requireSupported()).isSameAs(d);
        assertThat(d.signatureAlgorithm()).isEqualTo(signature);
    }
}
