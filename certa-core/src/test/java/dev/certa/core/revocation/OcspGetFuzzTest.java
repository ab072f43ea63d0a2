package dev.certa.core.revocation;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@link OcspRequests#parseGet}, the path of an OCSP GET (URL-encoded base64 of a request).
 * The input bytes are read as UTF-8, as the HTTP layer decodes a path, so the seeds in
 * {@code OcspGetFuzzTestInputs/parseGet/} are plain text. Whatever the path, the answer is a request
 * or an {@link OcspRequestException}.
 */
class OcspGetFuzzTest {
    /** libFuzzer's limit per input (-timeout): a request is parsed in microseconds, so this is a hang. */
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    @FuzzTest(maxDuration = "20s")
    void parseGet(byte[] path) {
        try {
            OcspRequests.parseGet(new String(path, StandardCharsets.UTF_8));
        } catch (OcspRequestException refused) {
            // refused with a reason: the expected outcome for most inputs
        }
    }
}
