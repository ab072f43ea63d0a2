package dev.certa.core.pem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.csr.Csr;
import dev.certa.core.csr.CsrBuilder;
import dev.certa.core.error.CertaException;
import dev.certa.core.key.KeyType;
import dev.certa.core.key.SoftwareSigner;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.name.SubjectAltName;
import dev.certa.core.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SinglePemBlockTest {
    private static final Csr CSR = new CsrBuilder(DistinguishedNames.parse("CN=api.example.com"))
            .addSubjectAltName(SubjectAltName.dns("api.example.com"))
            .sign(SoftwareSigner.of(KeyType.EC_P256.generate(TestPki.RANDOM)));
    private static final String PEM = PemWriter.csr(CSR);
    private static final String BODY = PEM.substring(PEM.indexOf('\n') + 1, PEM.indexOf("-----END"));

    static Stream<String> inputs() {
        String oneLine = BODY.replace("\n", "") + "\n";
        return Stream.of(
                PEM,
                PEM.replace("\n", "\r\n"),
                PEM.stripTrailing(),
                PEM.replace("CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST"),
                "-----BEGIN CERTIFICATE REQUEST-----\n" + oneLine + "-----END CERTIFICATE REQUEST-----\n",
                // not the plain form: the general path decides
                "subject=CN = api.example.com\n" + PEM,
                PEM + "\n",
                PEM + "trailing text\n",
                PEM + PEM,
                PEM.replace("-----BEGIN CERTIFICATE REQUEST-----\n", "-----BEGIN CERTIFICATE REQUEST-----\nProc-Type: 4,ENCRYPTED\n"),
                PEM.replace("-----BEGIN CERTIFICATE REQUEST-----\n", "-----BEGIN CERTIFICATE REQUEST-----\n\n"),
                PEM.replace("\n", " \n"),
                PEM.replace("-----END CERTIFICATE REQUEST-----", "-----END X509 CRL-----"),
                PEM.replace("CERTIFICATE REQUEST", "CERTIFICATE"),
                PEM.replace(BODY, BODY.substring(0, BODY.length() / 2) + "\n"),
                PEM.replace(BODY, BODY.substring(0, 10) + "!" + BODY.substring(11)),
                PEM.replace(BODY, Base64.getMimeEncoder().encodeToString("not DER".getBytes(StandardCharsets.US_ASCII)) + "\n"),
                PEM.replace(BODY, "===\n"));
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void readsACsrExactlyAsThePemParserPathDoes(String input) {
        byte[] data = input.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(outcome(() -> PemReader.readCsr(data, "req.pem"))).isEqualTo(outcome(() -> {
            // readCsr as it was before the shortcut
            List<Decoded> all = PemReader.read(data, "req.pem", PasswordSource.none());
            if (all.size() == 1 && all.get(0) instanceof Decoded.Request r) {
                return r.csr();
            }
            if (!(all.get(0) instanceof Decoded.Request)) {
                throw PemReader.wrongKind("req.pem", all.get(0), "certificate signing request");
            }
            throw CertaException.badInput("req.pem: holds more than one object", "pass a file with just the CSR");
        }));
    }

    @Test
    void takesTheShortcutOnlyForThePlainForm() {
        assertThat(SinglePemBlock.body(PEM.getBytes(StandardCharsets.US_ASCII), "CERTIFICATE REQUEST"))
                .hasValueSatisfying(der -> assertThat(der).isEqualTo(CSR.der()));
        assertThat(SinglePemBlock.body(("x\n" + PEM).getBytes(StandardCharsets.US_ASCII), "CERTIFICATE REQUEST")).isEmpty();
        assertThat(SinglePemBlock.body((PEM + PEM).getBytes(StandardCharsets.US_ASCII), "CERTIFICATE REQUEST")).isEmpty();
        assertThat(SinglePemBlock.body(PEM.getBytes(StandardCharsets.US_ASCII), "CERTIFICATE")).isEmpty();
    }

    /** The DER of the CSR read, or the kind and reason of the error. */
    private static String outcome(java.util.function.Supplier<Csr> read) {
        try {
            return "csr " + Base64.getEncoder().encodeToString(read.get().der());
        } catch (CertaException e) {
            return e.kind() + ": " + e.reason();
        } catch (RuntimeException e) {
            return e.toString();
        }
    }
}
