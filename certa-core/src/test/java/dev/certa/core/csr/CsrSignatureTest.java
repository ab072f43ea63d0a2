package dev.certa.core.csr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.key.KeyType;
import dev.certa.core.key.SoftwareSigner;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.name.SubjectAltName;
import dev.certa.core.pem.PemReader;
import dev.certa.core.pem.PemWriter;
import dev.certa.core.testing.TestPki;
import dev.certa.core.testing.Tools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CsrSignatureTest {

    private static Csr csr(KeyType type, String cn) {
        return new CsrBuilder(DistinguishedNames.parse("CN=" + cn))
                .addSubjectAltName(SubjectAltName.dns(cn))
                .sign(SoftwareSigner.of(type.generate(TestPki.RANDOM)));
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void aCsrSignedByItsOwnKeyVerifies(KeyType type) {
        Csr csr = csr(type, "api.example.com");
        assertThat(csr.signatureValid()).isTrue();
        Csr reread = PemReader.readCsr(PemWriter.csr(csr).getBytes(StandardCharsets.US_ASCII), "req.pem");
        assertThat(reread.requireValidSignature("req.pem").subjectAltNames())
                .containsExactly(SubjectAltName.dns("api.example.com"));
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"EC_P256", "EC_P384", "RSA_2048", "ED25519"})
    void aCsrMadeByOpensslVerifies(KeyType type, @TempDir Path dir) throws Exception {
        String[] newkey = switch (type) {
            case EC_P256 -> new String[] {"-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"};
            case EC_P384 -> new String[] {"-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-384"};
            case ED25519 -> new String[] {"-newkey", "ed25519"};
            default -> new String[] {"-newkey", "rsa:2048"};
        };
        var command = new java.util.ArrayList<>(java.util.List.of("openssl", "req", "-new", "-nodes", "-keyout",
                "key.pem", "-out", "req.pem", "-subj", "/CN=openssl.example.com"));
        command.addAll(java.util.List.of(newkey));
        var r = Tools.run(dir, command);
        assertThat(r.exitCode()).as(r.output()).isZero();
        Csr csr = PemReader.readCsr(Files.readAllBytes(dir.resolve("req.pem")), "req.pem");
        assertThat(csr.signatureValid()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"EC_P256", "RSA_2048", "ED25519"})
    void anAlteredCsrDoesNotVerify(KeyType type) {
        byte[] der = csr(type, "api.example.com").der();
        byte[] altered = der.clone();
        altered[altered.length - 1] ^= 0x01; // last byte of the signature
        assertThat(Csr.fromDer(altered, "altered").signatureValid()).isFalse();
        assertThatThrownBy(() -> Csr.fromDer(altered, "altered").requireValidSignature("altered"))
                .isInstanceOfSatisfying(CertaException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_SIGNATURE));
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"EC_P256", "RSA_2048", "ED25519"})
    void aSignatureByAnotherKeyDoesNotVerify(KeyType type) throws Exception {
        var signed = CertificationRequest.getInstance(csr(type, "a.example.com").der());
        var otherKey = CertificationRequest.getInstance(csr(type, "a.example.com").der());
        var swapped = new CertificationRequest(otherKey.getCertificationRequestInfo(), signed.getSignatureAlgorithm(),
                signed.getSignature());
        assertThat(Csr.fromDer(swapped.getEncoded(), "swapped").signatureValid()).isFalse();
    }
}
