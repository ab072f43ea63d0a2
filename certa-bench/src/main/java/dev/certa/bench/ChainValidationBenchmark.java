package dev.certa.bench;

import dev.certa.core.issue.CertificateAuthority;
import dev.certa.core.issue.IssuanceRequest;
import dev.certa.core.issue.IssuedCertificate;
import dev.certa.core.issue.Issuer;
import dev.certa.core.key.KeyType;
import dev.certa.core.key.SoftwareSigner;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.name.SubjectAltName;
import dev.certa.core.path.PathValidator;
import dev.certa.core.path.TrustStore;
import dev.certa.core.path.ValidationMode;
import dev.certa.core.path.ValidationOptions;
import dev.certa.core.path.Verdict;
import dev.certa.core.profile.Profile;
import java.io.ByteArrayInputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Chains validated per second: certa's {@link PathValidator} against the JDK's PKIX
 * {@link CertPathValidator}, on a 3-certificate chain (leaf, intermediate, root as trust anchor) of P-256
 * or RSA-2048 keys.
 *
 * <p>Each operation does what a TLS client does with the chain a server sent: it parses the leaf and
 * intermediate from their DER bytes with {@link CertificateFactory} (both sides pay the same parse),
 * validates them against the root at a fixed instant for the server purpose, and checks the host name.
 * The JDK side uses {@code PKIXParameters} with revocation off and JSSE's own
 * {@code sun.security.util.HostnameChecker} (needs {@code --add-exports
 * java.base/sun.security.util=ALL-UNNAMED}, set on the fork).
 *
 * <p>Both sides remember work for identical bytes: the JDK's {@code CertificateFactory} returns a cached
 * certificate object (750 entries) that remembers its verified signature, and a certa
 * {@code PathValidator} remembers decoded certificates (2,048), each with the key that verified it. The
 * {@code certa} and {@code jdk} benchmarks therefore cycle through {@value #DISTINCT_LEAVES} distinct leaves under the
 * same intermediate, more than either cache holds, so every leaf is parsed and its signature verified,
 * while the intermediate (the same every time, as on a real client) may be served from the caches. The
 * {@code *SameChain} benchmarks validate the very same chain every time, which both sides mostly cache.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/sun.security.util=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 6, time = 3)
@Measurement(iterations = 3, time = 3)
public class ChainValidationBenchmark {
    /** More than the largest cache on either side (certa's 2,048 decoded certificates). */
    static final int DISTINCT_LEAVES = 6_000;
    static final String HOST = "www.example.com";
    private static final Instant ISSUED = Instant.parse("2025-06-01T00:00:00Z");
    private static final Instant AT = ISSUED.plus(Duration.ofDays(10));

    @Param({"p256", "rsa2048"})
    public String keyType;

    private byte[][] leaves;
    private byte[] intermediate;
    private int next;

    private CertificateFactory factory;
    private PathValidator certa;
    private List<TrustStore> stores;
    private ValidationOptions options;
    private CertPathValidator pkix;
    private PKIXParameters params;
    private MethodHandle hostnameMatch;
    private Object hostnameChecker;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        SecureRandom random = new SecureRandom();
        KeyType type = KeyType.parse(keyType);
        Issuer issuer = new Issuer(Clock.fixed(ISSUED, ZoneOffset.UTC), random);
        KeyPair rootKey = type.generate(random);
        SoftwareSigner rootSigner = SoftwareSigner.of(rootKey);
        X509Certificate root = issuer.issueSelfSigned(IssuanceRequest.forKey(rootKey.getPublic(),
                DistinguishedNames.parse("CN=Bench Root CA,O=certa bench"), List.of(), Profile.RootCa.unlimited()),
                rootSigner).certificate();
        KeyPair intermediateKey = type.generate(random);
        IssuedCertificate inter = issuer.issue(IssuanceRequest.forKey(intermediateKey.getPublic(),
                DistinguishedNames.parse("CN=Bench Intermediate CA,O=certa bench"), List.of(),
                Profile.IntermediateCa.issuingLeavesOnly()).withValidity(Duration.ofDays(1000)),
                new CertificateAuthority(root, List.of(), rootSigner));
        CertificateAuthority intermediateCa = new CertificateAuthority(inter.certificate(), List.of(root),
                SoftwareSigner.of(intermediateKey));
        // Leaves share a few keys (an RSA key takes long to make); each has its own serial, so its own bytes.
        KeyPair[] leafKeys = {type.generate(random), type.generate(random), type.generate(random), type.generate(random)};
        List<SubjectAltName> sans = List.of(SubjectAltName.parse(HOST));
        leaves = new byte[DISTINCT_LEAVES][];
        for (int i = 0; i < DISTINCT_LEAVES; i++) {
            leaves[i] = issuer.issue(IssuanceRequest.forKey(leafKeys[i % leafKeys.length].getPublic(),
                    DistinguishedNames.parse(""), sans, new Profile.TlsServer()), intermediateCa).certificate().getEncoded();
        }
        intermediate = inter.certificate().getEncoded();

        factory = CertificateFactory.getInstance("X.509");
        certa = new PathValidator();
        stores = List.of(TrustStore.of("bench", List.of(root)));
        options = ValidationOptions.server(AT, HOST);
        pkix = CertPathValidator.getInstance("PKIX");
        params = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        params.setRevocationEnabled(false);
        params.setDate(Date.from(AT));
        Class<?> checker = Class.forName("sun.security.util.HostnameChecker");
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        try {
            hostnameChecker = lookup.findStatic(checker, "getInstance", MethodType.methodType(checker, byte.class))
                    .invoke((byte) 1); // HostnameChecker.TYPE_TLS
        } catch (Throwable t) {
            throw new IllegalStateException("cannot reach JSSE's host name checker", t);
        }
        hostnameMatch = lookup.findVirtual(checker, "match", MethodType.methodType(void.class, String.class, X509Certificate.class));

        // Both must accept, or the benchmark would time rejections; and both must reject a wrong host.
        Verdict v = certaValidate(leaves[0]);
        if (!v.trusted()) {
            throw new IllegalStateException("certa rejects the bench chain: " + v.summary());
        }
        jdkValidate(leaves[0], HOST);
        try {
            jdkValidate(leaves[0], "other.example.com");
            throw new IllegalStateException("the JDK host name check accepted a wrong name");
        } catch (CertificateException expected) {
            // the check is live
        }
        if (certa.validate(parse(leaves[0]), List.of(parse(intermediate)), stores,
                ValidationOptions.server(AT, "other.example.com")).trusted()) {
            throw new IllegalStateException("certa accepted a wrong host name");
        }
    }

    private X509Certificate parse(byte[] der) throws CertificateException {
        return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
    }

    private byte[] nextLeaf() {
        byte[] leaf = leaves[next];
        next = next + 1 == leaves.length ? 0 : next + 1;
        return leaf;
    }

    private Verdict certaValidate(byte[] leafDer) throws CertificateException {
        return certa.validate(parse(leafDer), List.of(parse(intermediate)), stores, options);
    }

    private PKIXCertPathValidatorResult jdkValidate(byte[] leafDer, String host) throws Exception {
        X509Certificate leaf = parse(leafDer);
        CertPath path = factory.generateCertPath(List.of(leaf, parse(intermediate)));
        PKIXCertPathValidatorResult result = (PKIXCertPathValidatorResult) pkix.validate(path, params);
        try {
            hostnameMatch.invoke(hostnameChecker, host, leaf);
        } catch (CertificateException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        return result;
    }

    /** certa, a different leaf every operation. */
    @Benchmark
    public boolean certa() throws CertificateException {
        Verdict v = certaValidate(nextLeaf());
        if (!v.trusted()) {
            throw new IllegalStateException(v.summary());
        }
        return true;
    }

    /** The JDK's PKIX validator plus JSSE's host name check, a different leaf every operation. */
    @Benchmark
    public Object jdk() throws Exception {
        return jdkValidate(nextLeaf(), HOST);
    }

    /** certa, the very same chain every operation. */
    @Benchmark
    public boolean certaSameChain() throws CertificateException {
        Verdict v = certaValidate(leaves[0]);
        if (!v.trusted()) {
            throw new IllegalStateException(v.summary());
        }
        return true;
    }

    /** The JDK, the very same chain every operation. */
    @Benchmark
    public Object jdkSameChain() throws Exception {
        return jdkValidate(leaves[0], HOST);
    }
}
