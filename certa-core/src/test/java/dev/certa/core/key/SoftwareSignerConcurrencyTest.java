package dev.certa.core.key;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.crypto.Signatures;
import dev.certa.core.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SoftwareSignerConcurrencyTest {

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void everySignatureVerifiesWhenOneSignerSignsManyMessagesOnManyThreads(KeyType type) throws Exception {
        KeyPair pair = type.generate(TestPki.RANDOM);
        SoftwareSigner signer = SoftwareSigner.of(pair);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                byte[] message = ("message " + i).getBytes(StandardCharsets.US_ASCII);
                results.add(pool.submit(() -> Signatures.verify(signer.algorithm(), pair.getPublic(), message,
                        signer.sign(message))));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        byte[] one = "one".getBytes(StandardCharsets.US_ASCII);
        byte[] two = "two".getBytes(StandardCharsets.US_ASCII);
        byte[] signedOne = signer.sign(one);
        assertThat(Signatures.verify(signer.algorithm(), pair.getPublic(), two, signer.sign(two))).isTrue();
        assertThat(Signatures.verify(signer.algorithm(), pair.getPublic(), one, signedOne)).isTrue();
        assertThat(Signatures.verify(signer.algorithm(), pair.getPublic(), two, signedOne)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void theAlgorithmIdentifierIsTheOneBouncyCastleFindsForTheAlgorithm(KeyType type) {
        SoftwareSigner signer = SoftwareSigner.of(type.generate(TestPki.RANDOM));
        assertThat(signer.algorithmIdentifier())
                .isEqualTo(new DefaultSignatureAlgorithmIdentifierFinder().find(signer.algorithm()));
    }
}
