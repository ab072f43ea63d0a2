package dev.certa.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certa.core.revocation.OcspRequestException.Problem;
import dev.certa.core.testing.Tools;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Decoding OCSP requests from openssl and from hand-made bytes, POST and GET form, and refusing the rest. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OcspRequestsTest {
    private RevocationPki pki;
    private X509Certificate leaf;
    private X509Certificate issuer;

    @BeforeAll
    void issue() {
        pki = new RevocationPki("OCSP requests");
        leaf = pki.leaf("leaf.example.com");
        issuer = pki.ca.certificate();
    }

    private byte[] opensslRequest(Path dir, String... options) throws Exception {
        pki.writeCaFiles(dir);
        RevocationPki.write(dir.resolve("leaf.pem"), leaf);
        List<String> command = new java.util.ArrayList<>(List.of("openssl", "ocsp"));
        command.addAll(List.of(options)); // a digest option must come before -cert
        command.addAll(List.of("-issuer", "int.pem", "-cert", "leaf.pem", "-reqout", "req.der"));
        Tools.Result r = Tools.run(dir, command);
        assertThat(r.ok()).as(r.output()).isTrue();
        return Files.readAllBytes(dir.resolve("req.der"));
    }

    @Test
    void readsOpensslsDefaultRequestWithItsNonce(@TempDir Path dir) throws Exception {
        OcspRequest request = OcspRequests.parse(opensslRequest(dir));

        assertThat(request.certIds()).hasSize(1);
        CertId id = request.certIds().get(0);
        assertThat(id.hashAlgorithm()).isEqualTo(OcspHash.SHA1);
        assertThat(id.serial()).isEqualTo(leaf.getSerialNumber());
        assertThat(id.issuerNameHash()).isEqualTo(MessageDigest.getInstance("SHA-1")
                .digest(issuer.getSubjectX500Principal().getEncoded()));
        assertThat(request.nonce()).isPresent();
        assertThat(request.nonce().get().extensionValue()).hasSize(18); // OCTET STRING of 16 random octets
    }

    @Test
    void readsASha256RequestWithoutNonce(@TempDir Path dir) throws Exception {
        OcspRequest request = OcspRequests.parse(opensslRequest(dir, "-sha256", "-no_nonce"));

        assertThat(request.certIds().get(0).hashAlgorithm()).isEqualTo(OcspHash.SHA256);
        assertThat(request.certIds().get(0).issuerKeyHash()).hasSize(32);
        assertThat(request.nonce()).isEmpty();
    }

    @Test
    void readsTheGetFormUrlEncodedOrNot() {
        byte[] der = Requests.of(issuer, leaf.getSerialNumber());
        String base64 = Base64.getEncoder().encodeToString(der);
        OcspRequest expected = OcspRequests.parse(der);

        assertThat(OcspRequests.parseGet(URLEncoder.encode(base64, StandardCharsets.US_ASCII))).isEqualTo(expected);
        assertThat(OcspRequests.parseGet("/" + URLEncoder.encode(base64, StandardCharsets.US_ASCII))).isEqualTo(expected);
        assertThat(OcspRequests.parseGet(base64)).isEqualTo(expected);
        assertThat(OcspRequests.parseGet(base64.replace('+', ' '))).isEqualTo(expected);
        assertThat(OcspRequests.parseGet(Base64.getUrlEncoder().withoutPadding().encodeToString(der))).isEqualTo(expected);
    }

    @Test
    void namesWhatIsWrongWithABadRequest() {
        byte[] good = Requests.of(issuer, leaf.getSerialNumber());
        List<org.bouncycastle.asn1.ocsp.CertID> nine = Collections.nCopies(9,
                Requests.certId(OcspHash.SHA1, issuer, BigInteger.TEN));

        assertProblem(new byte[0], Problem.EMPTY);
        assertProblem("hello, OCSP".getBytes(StandardCharsets.US_ASCII), Problem.MALFORMED);
        assertProblem(Arrays.copyOf(good, good.length - 3), Problem.MALFORMED);
        assertProblem(Arrays.copyOf(good, good.length + 2), Problem.MALFORMED);
        assertProblem(new byte[] {0x30, 0x00}, Problem.MALFORMED);
        assertProblem(new byte[OcspRequests.MAX_REQUEST_BYTES + 1], Problem.TOO_LARGE);
        assertProblem(Requests.of(List.of(), null), Problem.NO_CERT_IDS);
        assertProblem(Requests.of(nine, null), Problem.TOO_MANY_CERT_IDS);
        assertProblem(Requests.of(List.of(Requests.certId(PKCSObjectIdentifiers.md5, "MD5", issuer, BigInteger.TEN)), null),
                Problem.UNSUPPORTED_HASH);
        assertProblem(Requests.withNonce(issuer, BigInteger.TEN, new byte[0]), Problem.BAD_NONCE);
        assertProblem(Requests.withNonce(issuer, BigInteger.TEN, new byte[129]), Problem.BAD_NONCE);
        assertThat(OcspRequests.parse(Requests.withNonce(issuer, BigInteger.TEN, new byte[128])).nonce()).isPresent();
        assertThatThrownBy(() -> OcspRequests.parseGet("/")).isInstanceOfSatisfying(OcspRequestException.class,
                e -> assertThat(e.problem()).isEqualTo(Problem.EMPTY));
        assertThatThrownBy(() -> OcspRequests.parseGet("not*base64%zz")).isInstanceOfSatisfying(OcspRequestException.class,
                e -> assertThat(e.problem()).isEqualTo(Problem.NOT_BASE64));
    }

    @Test
    void aSha1CertIdWithSha256SizedHashesIsMalformed() {
        org.bouncycastle.asn1.ocsp.CertID wrong = Requests.certId(OcspHash.SHA1.oid(), "SHA-256", issuer, BigInteger.TEN);

        assertProblem(Requests.of(List.of(wrong), null), Problem.MALFORMED);
    }

    /** Mangled requests either decode or are refused with an OcspRequestException; nothing else escapes. */
    @Test
    void mangledRequestsNeverEscapeAsAnotherException() {
        byte[] good = Requests.withNonce(issuer, leaf.getSerialNumber(), new byte[16]);
        Random random = new Random(6960);
        for (int i = 0; i < 5000; i++) {
            byte[] bad = good.clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
            }
            byte[] input = random.nextInt(4) == 0 ? Arrays.copyOf(bad, random.nextInt(bad.length)) : bad;
            try {
                OcspRequests.parse(input);
            } catch (OcspRequestException expected) {
                assertThat(expected.problem()).isNotNull();
            }
        }
    }

    /** Deeply nested ASN.1 within the size limit is refused like any other malformed request. */
    @Test
    void deeplyNestedBytesAreMalformed() {
        int depth = 4000;
        byte[] indefinite = new byte[depth * 4];
        for (int i = 0; i < depth; i++) {
            indefinite[2 * i] = 0x30;
            indefinite[2 * i + 1] = (byte) 0x80; // BER indefinite length; end-of-contents octets follow
        }
        byte[] definite = nested(3000);

        assertProblem(indefinite, Problem.MALFORMED);
        assertProblem(definite, Problem.MALFORMED);
    }

    private static byte[] nested(int depth) {
        byte[] inner = {0x05, 0x00};
        for (int i = 0; i < depth; i++) {
            int n = inner.length;
            byte[] header = n < 0x80 ? new byte[] {0x30, (byte) n}
                    : n < 0x100 ? new byte[] {0x30, (byte) 0x81, (byte) n}
                    : new byte[] {0x30, (byte) 0x82, (byte) (n >> 8), (byte) n};
            byte[] outer = Arrays.copyOf(header, header.length + n);
            System.arraycopy(inner, 0, outer, header.length, n);
            inner = outer;
        }
        return inner;
    }

    private static void assertProblem(byte[] der, Problem problem) {
        assertThatThrownBy(() -> OcspRequests.parse(der)).isInstanceOfSatisfying(OcspRequestException.class,
                e -> assertThat(e.problem()).as(e.getMessage()).isEqualTo(problem));
    }
}
