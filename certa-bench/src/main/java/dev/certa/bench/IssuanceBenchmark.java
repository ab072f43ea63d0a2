package dev.certa.bench;

import dev.certa.core.csr.Csr;
import dev.certa.core.csr.CsrBuilder;
import dev.certa.core.issue.CertificateAuthority;
import dev.certa.core.issue.IssuanceRequest;
import dev.certa.core.issue.IssuedCertificate;
import dev.certa.core.issue.Issuer;
import dev.certa.core.key.KeyType;
import dev.certa.core.key.SoftwareSigner;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.name.SubjectAltName;
import dev.certa.core.pem.PemReader;
import dev.certa.core.pem.PemWriter;
import dev.certa.core.profile.Profile;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * In-process issuance next to the raw signature arithmetic it cannot beat.
 *
 * <p>{@link #issue} is what a CA does for every request: read the CSR's PEM, check its
 * proof-of-possession signature, turn it into a request under the TLS server profile, build the
 * certificate, lint it, sign it with the CA key and PEM-encode it. Every issuance therefore costs at
 * least one CA signature and one CSR verification; {@link #sign} and {@link #verify} measure those two
 * alone, with the same CA key, over a message the size of a real to-be-signed certificate, in each
 * JCA provider on the machine. {@link IssuanceReport} runs all three and compares them.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IssuanceBenchmark {

    /** An intermediate CA of one key type, made through certa's API, and a CSR from a leaf key of the same type. */
    @State(Scope.Benchmark)
    public static class Ca {
        @Param({"p256", "rsa2048"})
        public String keyType;

        KeyPair caKey;
        CertificateAuthority ca;
        Issuer issuer;
        byte[] csrPem;
        /** The DER to-be-signed part of a certificate this CA issued for the CSR: the message the CA signs. */
        byte[] tbs;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            KeyType type = KeyType.parse(keyType);
            SecureRandom random = new SecureRandom();
            issuer = new Issuer(Clock.systemUTC(), random);

            KeyPair rootKey = type.generate(random);
            SoftwareSigner rootSigner = SoftwareSigner.of(rootKey);
            IssuedCertificate root = issuer.issueSelfSigned(IssuanceRequest.forKey(rootKey.getPublic(),
                    DistinguishedNames.parse("CN=Bench " + keyType + " Root CA,O=certa bench"), List.of(),
                    Profile.RootCa.unlimited()), rootSigner);
            CertificateAuthority rootCa = new CertificateAuthority(root.certificate(), List.of(), rootSigner);

            caKey = type.generate(random);
            IssuedCertificate intermediate = issuer.issue(IssuanceRequest.forKey(caKey.getPublic(),
                    DistinguishedNames.parse("CN=Bench " + keyType + " Issuing CA,O=certa bench"), List.of(),
                    Profile.IntermediateCa.issuingLeavesOnly()).withValidity(Duration.ofDays(1000)), rootCa);
            ca = new CertificateAuthority(intermediate.certificate(), List.of(root.certificate()),
                    SoftwareSigner.of(caKey));

            KeyPair leafKey = type.generate(random);
            Csr csr = new CsrBuilder(DistinguishedNames.parse("CN=api.example.com"))
                    .addSubjectAltName(SubjectAltName.dns("api.example.com"))
                    .addSubjectAltName(SubjectAltName.dns("www.example.com"))
                    .sign(SoftwareSigner.of(leafKey));
            csrPem = PemWriter.csr(csr).getBytes(StandardCharsets.US_ASCII);

            String first = issueOnce(this);
            tbs = PemReader.readCertificate(first.getBytes(StandardCharsets.US_ASCII), "bench").getTBSCertificate();
        }
    }

    /** The CA's key pair converted into one JCA provider, with a signature to verify. */
    @State(Scope.Thread)
    public static class Raw {
        /** accp (Amazon Corretto Crypto Provider), bc (Bouncy Castle) or jdk (SunEC / SunRsaSign). */
        @Param({"accp", "bc", "jdk"})
        public String provider;

        RawSignatures signatures;

        @Setup(Level.Trial)
        public void setUp(Ca ca) throws Exception {
            signatures = RawSignatures.create(BenchProviders.named(provider, ca.caKey.getPublic()), ca.caKey, ca.tbs);
        }
    }

    /** CSR PEM in, certificate PEM out: the whole in-process issuance path. */
    @Benchmark
    public String issue(Ca state) {
        return issueOnce(state);
    }

    /** One CA signature over a TBS-sized message. */
    @Benchmark
    public byte[] sign(Raw raw) throws Exception {
        return raw.signatures.sign();
    }

    /** One signature verification over a TBS-sized message (what checking a CSR costs). */
    @Benchmark
    public boolean verify(Raw raw) throws Exception {
        return raw.signatures.verify();
    }

    static String issueOnce(Ca state) {
        Csr csr = PemReader.readCsr(state.csrPem, "request.csr").requireValidSignature("request.csr");
        IssuanceRequest request = IssuanceRequest.fromCsr(csr, new Profile.TlsServer(), List.of());
        IssuedCertificate issued = state.issuer.issue(request, state.ca);
        return PemWriter.block("CERTIFICATE", issued.der());
    }
}
