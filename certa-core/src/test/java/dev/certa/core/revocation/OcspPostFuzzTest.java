package dev.certa.core.revocation;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@link OcspRequests#parse}, the body of an OCSP POST from anyone on the network. Whatever
 * the bytes, the answer is a request or an {@link OcspRequestException} (a 400, never a 500). Seeds:
 * {@code OcspPostFuzzTestInputs/parse/} (openssl ocsp requests with and without a nonce, SHA-256 with
 * two CertIDs).
 */
class OcspPostFuzzTest {
    /** libFuzzer's limit per input (-timeout): a request is parsed in microseconds, so this is a hang. */
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    @FuzzTest(maxDuration = "20s")
    void parse(byte[] body) {
        try {
            OcspRequests.parse(body);
        } catch (OcspRequestException refused) {
            // refused with a reason: the expected outcome for most inputs
        }
    }
}
