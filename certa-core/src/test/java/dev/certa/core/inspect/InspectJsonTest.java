package dev.certa.core.inspect;

import static dev.certa.core.inspect.InspectCertificateTest.CLOCK;
import static dev.certa.core.inspect.InspectCertificateTest.PKI;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certa.core.csr.CsrBuilder;
import dev.certa.core.key.KeyType;
import dev.certa.core.key.SoftwareSigner;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.name.SubjectAltName;
import dev.certa.core.pem.PasswordSource;
import dev.certa.core.pem.PemWriter;
import dev.certa.core.profile.Profile;
import dev.certa.core.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InspectJsonTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void certificateChainAsJson() throws Exception {
        TestPki.Leaf leaf = PKI.leaf(new Profile.TlsServer(), "api.example.com", "10.0.0.5");
        String pem = PemWriter.certificates(List.of(leaf.issued().certificate(), PKI.intermediate.certificate()));
        Inspection i = Inspector.inspect(pem.getBytes(StandardCharsets.US_ASCII), "server.pem", PasswordSource.none(), CLOCK);
        CertificateView view = i.certificates().get(0);

        String json = JsonRenderer.render(i);
        assertThat(json).contains("\n  \"items\"").endsWith("}\n"); // pretty-printed, one document
        JsonNode root = JSON.readTree(json);
        assertThat(root.get("source").asText()).isEqualTo("server.pem");
        assertThat(root.get("items")).hasSize(2);

        JsonNode c = root.get("items").get(0);
        assertThat(c.get("kind").asText()).isEqualTo("certificate");
        assertThat(c.get("subject").asText()).isEqualTo("CN=api.example.com");
        assertThat(c.get("issuer").asText()).isEqualTo("CN=Inspect Intermediate CA,O=certa tests");
        assertThat(c.get("serial").asText()).isEqualTo(view.serial());
        assertThat(c.get("notBefore").asText()).isEqualTo("2026-11-22T09:55:00Z");
        assertThat(c.get("notAfter").asText()).isEqualTo("2027-02-20T10:00:00Z");
        assertThat(c.get("daysLeft").isIntegralNumber()).isTrue();
        assertThat(c.get("daysLeft").asLong()).isEqualTo(90);
        assertThat(c.get("status").asText()).isEqualTo("VALID");
        assertThat(c.get("key").asText()).isEqualTo("EC P-256");
        assertThat(c.get("keyAlgorithm").asText()).isEqualTo("EC");
        assertThat(c.get("keyBits").asInt()).isEqualTo(256);
        assertThat(c.get("signatureAlgorithm").asText()).isEqualTo("SHA256withECDSA");
        assertThat(c.get("sha256Fingerprint").asText()).isEqualTo(view.sha256Fingerprint()).hasSize(95);
        assertThat(c.get("publicKeySha256").asText()).isEqualTo(view.publicKeySha256());
        assertThat(c.get("selfSigned").asBoolean()).isFalse();
        assertThat(c.get("ca").asBoolean()).isFalse();
        assertThat(c.get("pathLen").isNull()).isTrue();
        assertThat(texts(c.get("keyUsage"))).containsExactly("digitalSignature");
        assertThat(texts(c.get("extendedKeyUsage"))).containsExactly("serverAuth");
        assertThat(texts(c.get("subjectAltNames"))).containsExactly("DNS:api.example.com", "IP:10.0.0.5");
        assertThat(c.get("subjectKeyId").asText()).isEqualTo(view.subjectKeyId().orElseThrow());
        assertThat(c.get("authorityKeyId").asText()).isEqualTo(view.authorityKeyId().orElseThrow());
        assertThat(c.get("ocspUrls").isArray()).isTrue();
        assertThat(c.get("caIssuersUrls").isArray()).isTrue();
        assertThat(c.get("crlUrls").isArray()).isTrue();
        assertThat(c.get("nameConstraints").isNull()).isTrue();

        JsonNode ca = root.get("items").get(1);
        assertThat(ca.get("ca").asBoolean()).isTrue();
        assertThat(ca.get("pathLen").asInt()).isZero();
        assertThat(ca.get("daysLeft").asLong()).isEqualTo(1000);
    }

    @Test
    void csrKeyAndSeveralFilesAsJson() throws Exception {
        KeyPair key = KeyType.EC_P256.generate(TestPki.RANDOM);
        var csr = new CsrBuilder(DistinguishedNames.parse("CN=api.example.com"))
                .addSubjectAltName(SubjectAltName.dns("api.example.com")).sign(SoftwareSigner.of(key));
        Inspection csrFile = Inspector.inspect(PemWriter.csr(csr).getBytes(StandardCharsets.US_ASCII), "api.csr",
                PasswordSource.none(), CLOCK);
        Inspection keyFile = Inspector.inspect(PemWriter.privateKey(key.getPrivate()).getBytes(StandardCharsets.US_ASCII),
                "api-key.pem", PasswordSource.none(), CLOCK);

        JsonNode both = JSON.readTree(JsonRenderer.render(List.of(csrFile, keyFile)));
        assertThat(both.isArray()).isTrue();
        assertThat(both).hasSize(2);
        JsonNode r = both.get(0).get("items").get(0);
        assertThat(r.get("kind").asText()).isEqualTo("csr");
        assertThat(r.get("subject").asText()).isEqualTo("CN=api.example.com");
        assertThat(r.get("signatureValid").asBoolean()).isTrue();
        assertThat(texts(r.get("subjectAltNames"))).containsExactly("DNS:api.example.com");
        assertThat(r.get("requestsCa").isNull()).isTrue();

        JsonNode k = both.get(1).get("items").get(0);
        assertThat(both.get(1).get("source").asText()).isEqualTo("api-key.pem");
        assertThat(k.get("kind").asText()).isEqualTo("privateKey");
        assertThat(k.get("format").asText()).isEqualTo("PKCS#8");
        assertThat(k.get("encrypted").asBoolean()).isFalse();
        assertThat(k.get("publicKeySha256").asText()).isEqualTo(r.get("publicKeySha256").asText());
        assertThat(k.properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("kind", "key", "keyAlgorithm", "keyBits", "format", "encrypted", "publicKeySha256");
    }

    @Test
    void textForSeveralFilesSeparatesThemWithABlankLine() {
        Inspection a = new Inspection("a.pem", List.of(InspectCertificateTest.only(PKI.root.certificate(), CLOCK)));
        Inspection b = new Inspection("b.pem", List.of(InspectCertificateTest.only(PKI.intermediate.certificate(), CLOCK)));
        String text = TextRenderer.render(List.of(a, b));
        assertThat(text).startsWith("a.pem: certificate\n").contains("\n\nb.pem: certificate\n").endsWith("\n");
    }
}
