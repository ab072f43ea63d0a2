package dev.certa.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certa.core.csr.Csr;
import dev.certa.core.error.CertaException;
import dev.certa.core.lint.PublicKeyPolicy;
import dev.certa.core.pem.PemReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.junit.jupiter.api.Test;

/** The hostile /sign bodies of {@code bench-serve --hostile} carry the keys they claim, which certa's key policy refuses. */
class HostileBodiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void hugeModulusAndHugeExponentBodiesCarryTheTokenAndAKeyThePolicyRefuses() throws Exception {
        for (int[] key : List.of(new int[] {16384, 17}, new int[] {4096, 4096})) {
            List<byte[]> bodies = Requests.hostileBodies("the.token.value", key[0], key[1], 3);
            assertThat(bodies).hasSize(3);
            JsonNode body = JSON.readTree(new String(bodies.get(2), StandardCharsets.UTF_8));
            assertThat(body.path("token").asText()).isEqualTo("the.token.value");
            Csr csr = PemReader.readCsr(body.path("csr").asText().getBytes(StandardCharsets.US_ASCII), "hostile CSR");
            RSAPublicKey rsa = RSAPublicKey.getInstance(csr.publicKeyInfo().parsePublicKey());
            assertThat(rsa.getModulus().bitLength()).isEqualTo(key[0]);
            assertThat(rsa.getPublicExponent().bitLength()).isEqualTo(key[1]);
            if (key[1] == 17) {
                assertThat(rsa.getPublicExponent()).isEqualTo(BigInteger.valueOf(65537));
            }
            assertThatThrownBy(() -> PublicKeyPolicy.check(csr.publicKeyInfo(), "the CSR's key")).isInstanceOf(CertaException.class);
        }
    }
}
