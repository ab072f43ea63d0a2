package dev.certa.core.key;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.crypto.CryptoProviders;
import dev.certa.core.crypto.Signatures;
import dev.certa.core.testing.Keys;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SoftwareSignerTest {
    private static final CryptoProviders BC_ONLY = CryptoProviders.bouncyCastleOnly();
    private static final byte[] DATA = "to be signed: a TBSCertificate, say".getBytes(StandardCharsets.US_ASCII);

    static Stream<Arguments> keyTypesAndProviders() {
        return Stream.of(KeyType.values()).flatMap(t -> Stream.of(
                Arguments.of(t, "default", CryptoProviders.get()),
                Arguments.of(t, "Bouncy Castle only", BC_ONLY)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("keyTypesAndProviders")
    void signsAndTheSignatureVerifiesAndTamperingIsCaught(KeyType type, String label, CryptoProviders providers)
            throws Exception {
        var pair = Keys.of(type);
        SoftwareSigner signer = SoftwareSigner.of(pair, providers);
        assertThat(signer.algorithm()).isEqualTo(KeyDescription.of(pair.getPublic()).signatureAlgorithm());
        assertThat(signer.publicKey()).isEqualTo(pair.getPublic());
        if (providers == BC_ONLY) {
            assertThat(signer.provider()).isSameAs(BC_ONLY.bouncyCastle());
        }
        byte[] sig = signer.sign(DATA);

        assertThat(Signatures.verify(signer.algorithm(), pair.getPublic(), DATA, sig)).isTrue();
        // an independent check with plain JCA and Bouncy Castle
        Signature jca = Signature.getInstance(signer.algorithm(), BC_ONLY.bouncyCastle());
        jca.initVerify(pair.getPublic());
        jca.update(DATA);
        assertThat(jca.verify(sig)).isTrue();

        byte[] tamperedSig = sig.clone();
        tamperedSig[tamperedSig.length / 2] ^= 0x01;
        assertThat(Signatures.verify(signer.algorithm(), pair.getPublic(), DATA, tamperedSig)).isFalse();
        byte[] tamperedData = DATA.clone();
        tamperedData[0] ^= 0x01;
        assertThat(Signatures.verify(signer.algorithm(), pair.getPublic(), tamperedData, sig)).isFalse();
        var other = Keys.of(type == KeyType.EC_P256 ? KeyType.ED25519 : KeyType.EC_P256);
        assertThat(Signatures.verify(signer.algorithm(), other.getPublic(), DATA, sig)).as("another key").isFalse();
    }
}
