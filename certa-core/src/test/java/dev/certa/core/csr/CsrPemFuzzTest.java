package dev.certa.core.csr;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.certa.core.error.CertaException;
import dev.certa.core.pem.PemReader;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@link PemReader#readCsr}, the way a CSR reaches certa from a file or the signing API: PEM
 * (one block, several, other block types, damaged base64) or bare DER. Whatever the bytes, the answer
 * is a CSR or a {@link CertaException}. Seeds: {@code CsrPemFuzzTestInputs/readCsr/} (certa and
 * openssl CSRs, PEM and DER); a crashing input Jazzer finds is written there and stays as a
 * regression seed once fixed.
 */
class CsrPemFuzzTest {
    /** libFuzzer's limit per input (-timeout): a CSR is parsed in milliseconds, so this is a hang. */
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    @FuzzTest(maxDuration = "20s")
    void readCsr(byte[] data) {
        Csr csr;
        try {
            csr = PemReader.readCsr(data, "fuzz input");
        } catch (CertaException refused) {
            return;
        }
        UntrustedCsr.use(csr);
    }
}
