package dev.certa.core.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.pem.Decoded;
import dev.certa.core.pem.PasswordSource;
import dev.certa.core.pem.PemReader;
import dev.certa.core.testing.OpenSsl;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys made by openssl that certa reads (so it can say what they are) but will not sign with or issue for. */
class UnsupportedKeyTest {
    private static final String ADVICE = "use an EC P-256 (default), P-384, RSA 2048/3072/4096 or Ed25519 key";

    @TempDir
    Path dir;
    private OpenSsl openssl;

    @BeforeEach
    void setUp() {
        openssl = new OpenSsl(dir);
    }

    private static CertaException unsupported(org.junit.jupiter.api.function.Executable e) {
        CertaException ex = assertThrows(CertaException.class, e);
        assertThat(ex.kind()).isEqualTo(ErrorKind.UNSUPPORTED_KEY);
        assertThat(ex.fix()).isPresent();
        return ex;
    }

    private Decoded.PrivateKey read(Path file) {
        return PemReader.readPrivateKey(OpenSsl.bytes(file), file.getFileName().toString(), PasswordSource.none());
    }

    @Test
    void anRsa1024KeyIsReadButNeitherSignsNorPassesRequireSupported() {
        Decoded.PrivateKey key = read(openssl.rsaKey("rsa1024.key", 1024));
        KeyDescription d = KeyDescription.of(key.keyPair().getPublic());
        assertThat(d.display()).isEqualTo("RSA 1024");
        assertThat(d.supported()).isFalse();
        CertaException e = unsupported(d::requireSupported);
        assertThat(e.reason()).isEqualTo("RSA 1024 is too weak (at least 2048 bits is required)");
        assertThat(e.fix()).hasValue(ADVICE);
        CertaException signer = unsupported(() -> SoftwareSigner.of(key.keyPair()));
        assertThat(signer.reason()).isEqualTo(e.reason());
    }

    @Test
    void aP192KeyIsReadButRefusedNamingTheCurve() {
        Decoded.PrivateKey key = read(openssl.ecKey("p192.key", "P-192"));
        KeyDescription d = KeyDescription.of(key.keyPair().getPublic());
        assertThat(d.display()).isEqualTo("EC prime192v1");
        assertThat(d.bits()).isEqualTo(192);
        CertaException e = unsupported(() -> SoftwareSigner.of(key.keyPair()));
        assertThat(e.reason()).isEqualTo("the elliptic curve prime192v1 is not supported");
        assertThat(e.fix()).hasValue(ADVICE);
    }

    @Test
    void aDsaKeyIsRefusedWhenReadNamingTheFile() {
        Path dsa = openssl.dsaKey("dsa.key");
        CertaException e = unsupported(() -> read(dsa));
        assertThat(e.reason()).isEqualTo("dsa.key (PEM block 1): DSA keys are not supported");
        assertThat(e.fix().orElseThrow()).contains("P-256").contains("Ed25519");

        Path traditional = openssl.run("dsa-trad.key", "openssl", "pkey", "-in", "dsa.key", "-traditional", "-out", "dsa-trad.key");
        assertThat(new String(OpenSsl.bytes(traditional))).contains("BEGIN DSA PRIVATE KEY");
        assertThat(unsupported(() -> read(traditional)).reason()).isEqualTo("dsa-trad.key (PEM block 1): DSA keys are not supported");

        Path pub = openssl.run("dsa.pub", "openssl", "pkey", "-in", "dsa.key", "-pubout", "-out", "dsa.pub");
        CertaException p = unsupported(() -> PemReader.read(OpenSsl.bytes(pub), "dsa.pub", PasswordSource.none()));
        assertThat(p.reason()).startsWith("dsa.pub").contains("DSA keys are not supported");
    }
}
