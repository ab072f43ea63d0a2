package dev.certa.core.path;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Test;

/**
 * {@link PlainCertificate} splits plain DER itself instead of asking Bouncy Castle's general parser. These
 * tests hold it to giving exactly the facts the general route gives, for every certificate in x509-limbo
 * (thousands of deliberately odd ones) and for some made here.
 */
@org.junit.jupiter.api.Tag("slow")
class PlainCertificateTest {

    @Test
    void plainRouteGivesTheSameFactsAsBouncyCastleForEveryLimboCertificate() throws Exception {
        Map<String, X509Certificate> certs = limboCertificates();
        int plain = 0;
        for (X509Certificate c : certs.values()) {
            if (comparesEqual(c)) {
                plain++;
            }
        }
        System.out.println("plain route: " + plain + " of " + certs.size() + " limbo certificates, the rest by Bouncy Castle");
        // most of the corpus is plain DER; the rest shows the fallback is exercised too
        assertThat(certs).hasSizeGreaterThan(5_000);
        assertThat(plain).as("certificates split by the plain route").isGreaterThan(certs.size() / 2).isLessThan(certs.size());
    }

    @Test
    void forgedCertificatesAgreeOnBothRoutes() {
        KeyPair key = Forge.key();
        X509Certificate root = Forge.cert("CN=Plain Root,O=certa", key).ca().build();
        List<X509Certificate> odd = List.of(
                root,
                Forge.cert("CN=a.example", Forge.key()).issuedBy(root, key).dns("a.example", "*.b.example").serverAuth().build(),
                Forge.cert("CN=a.example", Forge.key()).issuedBy(root, key).serverAuth()
                        .rawExtension(Extension.subjectAlternativeName, false, new byte[] {0x30, 0x05, (byte) 0x82, 0x01}).build(),
                Forge.cert("CN=a.example", Forge.key()).issuedBy(root, key).dns("a.example")
                        .extension(new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.1"), true, new DERSequence(new DERIA5String("x")))
                        .build(),
                Forge.cert("CN=a.example", Forge.key()).issuedBy(root, key).dns("a.example")
                        .rawExtension(new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.2"), false, new byte[] {0x02, 0x02, 0x00, 0x01})
                        .build(),
                Forge.cert("CN=a.example", Forge.key()).issuedBy(root, key).dns("a.example")
                        .rawExtension(new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.3"), false, new byte[] {0x30, 0x03, 0x05, 0x01, 0x00})
                        .build(),
                Forge.cert("CN=a.example", Forge.key()).issuedBy(root, key).dns("a.example")
                        .rawExtension(Extension.certificatePolicies, false, new byte[] {0x30, 0x05, 0x30, 0x03, 0x06, 0x01, (byte) 0x80})
                        .build());
        for (X509Certificate c : odd) {
            comparesEqual(c);
        }
    }

    @Test
    void derReaderRefusesWhatItDoesNotHandle() {
        assertThat(Der.acceptable(new byte[] {0x30, 0x00})).isTrue();
        assertThat(Der.acceptable(new byte[] {0x30, (byte) 0x81, 0x00})).as("non-minimal length").isFalse();
        assertThat(Der.acceptable(new byte[] {0x30, (byte) 0x80, 0x00, 0x00})).as("indefinite length").isFalse();
        assertThat(Der.acceptable(new byte[] {0x02, 0x02, 0x00, 0x01})).as("non-minimal integer").isFalse();
        assertThat(Der.acceptable(new byte[] {0x06, 0x02, (byte) 0x80, 0x01})).as("padded OID arc").isFalse();
        assertThat(Der.acceptable(new byte[] {0x05, 0x01, 0x00})).as("NULL with contents").isFalse();
        assertThat(Der.acceptable(new byte[] {0x30, 0x00, 0x00})).as("trailing data").isFalse();
        assertThat(Der.acceptable(new byte[] {0x30, 0x03, 0x02, 0x01})).as("truncated").isFalse();
        assertThat(Der.acceptable(new byte[] {0x0a, 0x01, 0x01})).as("ENUMERATED is left to Bouncy Castle").isFalse();
        assertThat(Der.acceptable(new byte[] {(byte) 0xa0, 0x03, 0x02, 0x01, 0x05})).isTrue();
    }

    /** Asserts both routes agree; returns whether the plain route handled the certificate. */
    private static boolean comparesEqual(X509Certificate c) {
        byte[] der;
        byte[] tbs;
        try {
            der = c.getEncoded();
            tbs = c.getTBSCertificate();
        } catch (java.security.cert.CertificateEncodingException e) {
            return false;
        }
        List<String> whyFast = new ArrayList<>();
        List<String> whyGeneral = new ArrayList<>();
        Optional<CertificateFacts> fast = CertificateFacts.of(c, der, whyFast);
        Optional<CertificateFacts> general = CertificateFacts.ofGeneral(c, der, tbs, whyGeneral);
        String name = c.getSubjectX500Principal().getName();
        assertThat(whyFast).as(name).isEqualTo(whyGeneral);
        assertThat(fast.map(PlainCertificateTest::describe)).as(name).isEqualTo(general.map(PlainCertificateTest::describe));
        fast.ifPresent(f -> assertThat(sans(f.ext.subjectAltNamesValue)).as(name + ": SANs from the JDK's extension value")
                .isEqualTo(sans(c)));
        try {
            PlainCertificate.split(der);
            return true;
        } catch (Der.Unusual e) {
            return false;
        }
    }

    private static String sans(Object from) {
        try {
            var names = from instanceof X509Certificate c ? CertificateNames.subjectAltNames(c)
                    : CertificateNames.subjectAltNames((byte[]) from);
            return names.map(l -> l.stream().map(Object::toString).toList().toString()).orElse("none");
        } catch (CertificateNames.MalformedNamesException e) {
            return "malformed: " + e.getMessage();
        }
    }

    private static String describe(CertificateFacts f) {
        HexFormat hex = HexFormat.of();
        ExtensionFacts e = f.ext;
        return String.join("\n",
                "display=" + f.display(), "subjectEmpty=" + f.subjectEmpty, "issuerEmpty=" + f.issuerEmpty,
                "selfIssued=" + f.selfIssued, "nameCount=" + f.nameCount, "version=" + f.version, "serial=" + f.serial,
                "tbs=" + hex.formatHex(f.tbs), "signature=" + hex.formatHex(f.signature),
                "algorithm=" + f.signatureAlgorithm, "algorithmName=" + f.signatureAlgorithmName(),
                "agree=" + f.signatureAlgorithmsAgree, "spki=" + hex.formatHex(f.publicKeyInfoDer()),
                "keyStrength=" + f.keyStrength, "problems=" + f.problems,
                "basic=" + e.basicConstraints, "keyUsage=" + e.keyUsage + "/" + e.keyUsageCritical,
                "eku=" + e.extendedKeyUsage + "/" + e.extendedKeyUsageCritical,
                "ski=" + (e.subjectKeyId == null ? null : hex.formatHex(e.subjectKeyId)) + "/" + e.subjectKeyIdCritical,
                "aki=" + (e.authorityKeyId == null ? null : (e.authorityKeyId.keyId() == null ? null : hex.formatHex(e.authorityKeyId.keyId()))
                        + "/" + e.authorityKeyId.hasIssuer() + "/" + e.authorityKeyId.hasSerial() + "/" + e.authorityKeyId.critical()),
                "san=" + encoded(e.subjectAltNames) + "/" + e.subjectAltNamesCritical
                        + "/" + (e.subjectAltNamesValue == null ? null : hex.formatHex(e.subjectAltNamesValue)),
                "nc=" + encoded(e.nameConstraints) + "/" + e.nameConstraintsCritical,
                "policies=" + e.policies, "policyConstraints=" + e.policyConstraints, "mappings=" + e.policyMappings,
                "inhibitAny=" + e.inhibitAnyPolicy, "aia=" + e.authorityInfoAccess + "/" + e.authorityInfoAccessCritical,
                "unknownCritical=" + e.unknownCritical);
    }

    private static String encoded(org.bouncycastle.asn1.@org.jspecify.annotations.Nullable ASN1Object o) {
        try {
            return o == null ? "null" : HexFormat.of().formatHex(o.getEncoded());
        } catch (IOException e) {
            return "unencodable";
        }
    }

    private static Map<String, X509Certificate> limboCertificates() throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        Map<String, X509Certificate> out = new LinkedHashMap<>();
        for (JsonNode t : dev.certa.core.path.limbo.LimboBundle.testcases()) {
            List<String> pems = new ArrayList<>();
            t.path("trusted_certs").forEach(n -> pems.add(n.asText()));
            t.path("untrusted_intermediates").forEach(n -> pems.add(n.asText()));
            pems.add(t.path("peer_certificate").asText());
            for (String pem : pems) {
                try {
                    out.putIfAbsent(pem, (X509Certificate) factory.generateCertificate(
                            new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
                } catch (java.security.cert.CertificateException | RuntimeException e) {
                    // the JDK refuses it: the validator never sees it
                }
            }
        }
        return out;
    }
}
