package dev.certa.core.csr;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.certa.core.error.CertaException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@link Csr#fromDer}, the DER a protocol message carries (an ACME finalize, a CSR field) and
 * then what the server reads from it. Whatever the bytes, the answer is a CSR or a
 * {@link CertaException}. Seeds: {@code CsrDerFuzzTestInputs/fromDer/} (a certa and an openssl CSR).
 */
class CsrDerFuzzTest {
    /** libFuzzer's limit per input (-timeout): a CSR is parsed in milliseconds, so this is a hang. */
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    @FuzzTest(maxDuration = "20s")
    void fromDer(byte[] der) {
        Csr csr;
        try {
            csr = Csr.fromDer(der, "fuzz input");
        } catch (CertaException refused) {
            return;
        }
        UntrustedCsr.use(csr);
    }
}
