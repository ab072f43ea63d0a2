package dev.certa.core.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.certa.core.key.KeyType;
import dev.certa.core.pem.PemWriter;
import dev.certa.core.testing.TestPki;
import dev.certa.core.testing.Tools;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Must show 3 of issue 13: generated chains, a good one and variants that break one rule each, run through
 * certa's {@link PathValidator} (the default web-pki rules, as {@code certa verify} uses them), {@code openssl
 * verify -x509_strict -purpose sslserver -verify_hostname} and the JDK's PKIX {@code CertPathValidator} with its
 * TLS host name check. The test fails on any chain certa accepts that a strict verifier rejects, unless the case
 * is listed in {@link #CERTA_RIGHT} with the RFC or CA/Browser Forum rule that makes certa right. A table of
 * case × verifier goes to the test output. One root and one intermediate, P-256 keys.
 */
class DifferentialVerifierTest {
    private static final Instant AT = Instant.parse("2026-06-01T00:00:00Z");
    private static final String HOST = "www.shop.example";

    /** Chains certa accepts although openssl or the JDK rejects them, each with the rule that makes certa right. */
    private static final Map<String, String> CERTA_RIGHT = Map.of();

    private static final Map<String, List<X509Certificate>> CASES = new LinkedHashMap<>();
    private static X509Certificate root;

    @TempDir
    static Path dir;

    @BeforeAll
    static void chains() {
        KeyPair rootKey = Forge.key();
        root = Forge.cert("CN=Differential Root", rootKey).ca().build();
        KeyPair caKey = Forge.key();
        X509Certificate ca = Forge.cert("CN=Differential Intermediate", caKey).issuedBy(root, rootKey).ca().build();

        add("good", leaf(ca, caKey).build(), ca);
        add("expired leaf", leaf(ca, caKey).validity(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-12-31T00:00:00Z")).build(), ca);
        add("wrong EKU (clientAuth only)", Forge.cert("CN=" + HOST, Forge.key()).issuedBy(ca, caKey).dns(HOST).clientAuth().build(), ca);
        add("wrong host name", Forge.cert("CN=other.example", Forge.key()).issuedBy(ca, caKey).dns("other.example").serverAuth().build(), ca);
        add("missing SAN, CN only", Forge.cert("CN=" + HOST, Forge.key()).issuedBy(ca, caKey).serverAuth().build(), ca);
        add("leaf with cA=FALSE and pathLen", leaf(ca, caKey).basicConstraintsDer(new byte[] {0x30, 0x03, 0x02, 0x01, 0x00}).build(), ca);
        add("Ed25519 leaf", Forge.cert("CN=" + HOST, KeyType.ED25519.generate(TestPki.RANDOM)).issuedBy(ca, caKey).dns(HOST).serverAuth()
                .build(), ca);
        add("SHA-1 signature on the leaf", leaf(ca, caKey).signedWith("SHA1withECDSA").build(), ca);
        add("critical unknown extension", leaf(ca, caKey).extension(new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.1"), true,
                new DERUTF8String("x")).build(), ca);
        add("leaf is a CA (CA:TRUE)", Forge.cert("CN=" + HOST, Forge.key()).issuedBy(ca, caKey).ca().dns(HOST).serverAuth().build(), ca);

        KeyPair k = Forge.key();
        X509Certificate noCertSign = Forge.cert("CN=No CertSign CA", k).issuedBy(root, rootKey).ca()
                .keyUsage(KeyUsage.digitalSignature | KeyUsage.cRLSign).build();
        add("intermediate without keyCertSign", leaf(noCertSign, k).build(), noCertSign);

        KeyPair n = Forge.key();
        X509Certificate notCa = Forge.cert("CN=Not A CA", n).issuedBy(root, rootKey).keyUsage(KeyUsage.keyCertSign).build();
        add("intermediate with cA=FALSE", leaf(notCa, n).build(), notCa);

        KeyPair p0 = Forge.key();
        X509Certificate pathLen0 = Forge.cert("CN=PathLen0 CA", p0).issuedBy(root, rootKey).ca()
                .basicConstraintsDer(encoded(new BasicConstraints(0))).build();
        KeyPair below = Forge.key();
        X509Certificate under = Forge.cert("CN=Below PathLen0 CA", below).issuedBy(pathLen0, p0).ca().build();
        add("pathLen exceeded", leaf(under, below).build(), under, pathLen0);

        KeyPair c = Forge.key();
        X509Certificate constrained = Forge.cert("CN=Constrained CA", c).issuedBy(root, rootKey).ca().extension(Extension.nameConstraints,
                true, new NameConstraints(new GeneralSubtree[] {new GeneralSubtree(new GeneralName(GeneralName.dNSName, "allowed.example"))},
                        null)).build();
        add("name constraints violated", leaf(constrained, c).build(), constrained);
    }

    private static Forge.Builder leaf(X509Certificate ca, KeyPair caKey) {
        return Forge.cert("CN=" + HOST, Forge.key()).issuedBy(ca, caKey).dns(HOST).serverAuth();
    }

    private static void add(String name, X509Certificate leaf, X509Certificate... intermediates) {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(leaf);
        chain.addAll(List.of(intermediates));
        CASES.put(name, chain);
    }

    private static byte[] encoded(BasicConstraints bc) {
        try {
            return bc.getEncoded();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void certaAcceptsNoChainThatOpensslOrTheJdkRejectsUnlessARuleSaysCertaIsRight() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed (.ci/run installs it)");
        PathValidator certa = new PathValidator();
        TrustStore store = TrustStore.of("root", List.of(root));
        Files.writeString(dir.resolve("root.pem"), PemWriter.certificate(root), StandardCharsets.US_ASCII);
        StringBuilder table = new StringBuilder(String.format("%-36s %-8s %-8s %-8s%n", "case", "certa", "openssl", "jdk"));
        List<String> wrong = new ArrayList<>();
        Map<String, Boolean> certaVerdicts = new LinkedHashMap<>();
        for (var e : CASES.entrySet()) {
            List<X509Certificate> chain = e.getValue();
            Verdict v = certa.validateChain(chain, List.of(store), ValidationOptions.server(AT, HOST));
            boolean openssl = openssl(e.getKey(), chain);
            boolean jdk = jdk(chain);
            certaVerdicts.put(e.getKey(), v.trusted());
            table.append(String.format("%-36s %-8s %-8s %-8s%n", e.getKey(), word(v.trusted()), word(openssl), word(jdk)));
            if (v.trusted() && (!openssl || !jdk) && !CERTA_RIGHT.containsKey(e.getKey())) {
                wrong.add(e.getKey() + " (openssl " + word(openssl) + "s, the JDK " + word(jdk) + "s)");
            }
        }
        System.out.println(table);

        assertThat(wrong).as("certa accepts chains a strict verifier rejects:%n%s", table).isEmpty();
        assertThat(certaVerdicts.get("good")).as("the good chain, for the harness itself:%n%s", table).isTrue();
        assertThat(certaVerdicts.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey))
                .as("every variant breaks a rule certa checks:%n%s", table).containsExactly("good");
    }

    private static String word(boolean accepted) {
        return accepted ? "accept" : "reject";
    }

    private static boolean openssl(String name, List<X509Certificate> chain) throws Exception {
        String base = name.replaceAll("[^a-zA-Z0-9]+", "-");
        Path leaf = Files.writeString(dir.resolve(base + "-leaf.pem"), PemWriter.certificate(chain.get(0)), StandardCharsets.US_ASCII);
        Path untrusted = Files.writeString(dir.resolve(base + "-untrusted.pem"), PemWriter.certificates(chain.subList(1, chain.size())),
                StandardCharsets.US_ASCII);
        Tools.Result r = Tools.run(dir, "openssl", "verify", "-x509_strict", "-purpose", "sslserver", "-verify_hostname", HOST,
                "-attime", Long.toString(AT.getEpochSecond()), "-CAfile", "root.pem", "-untrusted", untrusted.toString(), leaf.toString());
        return r.ok();
    }

    private static boolean jdk(List<X509Certificate> chain) {
        try {
            PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
            params.setRevocationEnabled(false);
            params.setDate(Date.from(AT));
            CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(chain), params);
            Class<?> checker = Class.forName("sun.security.util.HostnameChecker");
            Object tls = checker.getMethod("getInstance", byte.class).invoke(null, (byte) 1); // TYPE_TLS, as JSSE's HTTPS check
            Method match = checker.getMethod("match", String.class, X509Certificate.class);
            match.invoke(tls, HOST, chain.get(0));
            return true;
        } catch (java.lang.reflect.InvocationTargetException e) {
            return false; // the host name does not match
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the JDK's HostnameChecker is not reachable (certa-core/pom.xml adds the export)", e);
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }
}
