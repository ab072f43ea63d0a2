package dev.certa.bench;

import dev.certa.core.issue.CertificateAuthority;
import dev.certa.core.issue.IssuanceRequest;
import dev.certa.core.issue.IssuedCertificate;
import dev.certa.core.issue.Issuer;
import dev.certa.core.key.KeyType;
import dev.certa.core.key.SoftwareSigner;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.profile.Profile;
import dev.certa.core.revocation.CertStatus;
import dev.certa.core.revocation.OcspIssuer;
import dev.certa.core.revocation.OcspReply;
import dev.certa.core.revocation.OcspRequest;
import dev.certa.core.revocation.OcspRequests;
import dev.certa.core.revocation.OcspResponder;
import dev.certa.core.revocation.OcspResponseCache;
import dev.certa.core.revocation.OcspResponseStatus;
import dev.certa.core.revocation.RevocationReason;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
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
 * The OCSP responder's two paths, against issue 4's target of 10,000 cached responses a second on
 * two cores.
 *
 * <ul>
 *   <li>{@link #parse}: decoding a request alone (a POST body of 1 CertID, no nonce).
 *   <li>{@link #cached}: what a nonce-less POST costs once the response is cached: decode, find the
 *       cached response by CertID, copy its bytes. No signature.
 *   <li>{@link #cachedGet}: the same for the GET form (URL-decode and base64 first).
 *   <li>{@link #fresh}: a request with a nonce: decode, status lookup, encode and sign a response.
 * </ul>
 *
 * Run: {@code mvn -o -q -DskipTests package -pl certa-bench -am}, then
 * {@code java --enable-native-access=ALL-UNNAMED -cp "certa-bench/target/classes:certa-bench/target/lib/*"
 * org.openjdk.jmh.Main OcspBenchmark -f 1 -wi 3 -w 2s -i 3 -r 2s} (add {@code -t 2} for two threads).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OcspBenchmark {

    /** An intermediate CA made through certa's API, its responder with a warm cache, and two requests. */
    @State(Scope.Benchmark)
    public static class Responder {
        @Param({"p256", "rsa2048"})
        public String keyType;

        OcspResponder responder;
        byte[] request;
        String getPath;
        byte[] nonceRequest;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            KeyType type = KeyType.parse(keyType);
            SecureRandom random = new SecureRandom();
            Issuer issuer = new Issuer(Clock.systemUTC(), random);
            KeyPair rootKey = type.generate(random);
            SoftwareSigner rootSigner = SoftwareSigner.of(rootKey);
            IssuedCertificate root = issuer.issueSelfSigned(IssuanceRequest.forKey(rootKey.getPublic(),
                    DistinguishedNames.parse("CN=Bench " + keyType + " Root CA,O=certa bench"), List.of(),
                    Profile.RootCa.unlimited()), rootSigner);
            CertificateAuthority rootCa = new CertificateAuthority(root.certificate(), List.of(), rootSigner);
            KeyPair caKey = type.generate(random);
            IssuedCertificate intermediate = issuer.issue(IssuanceRequest.forKey(caKey.getPublic(),
                    DistinguishedNames.parse("CN=Bench " + keyType + " Issuing CA,O=certa bench"), List.of(),
                    Profile.IntermediateCa.issuingLeavesOnly()).withValidity(Duration.ofDays(1000)), rootCa);
            CertificateAuthority ca = new CertificateAuthority(intermediate.certificate(), List.of(root.certificate()),
                    SoftwareSigner.of(caKey));

            // a store of 100,000 certificates, every tenth revoked
            Map<BigInteger, CertStatus> store = new ConcurrentHashMap<>();
            BigInteger asked = null;
            for (int i = 0; i < 100_000; i++) {
                BigInteger serial = new BigInteger(127, random).setBit(126);
                store.put(serial, i % 10 == 0
                        ? CertStatus.revoked(java.time.Instant.now(), RevocationReason.KEY_COMPROMISE)
                        : CertStatus.good());
                asked = i == 500 ? serial : asked;
            }
            responder = new OcspResponder(List.of(OcspIssuer.of(ca)),
                    (c, serial) -> store.getOrDefault(serial, CertStatus.unknown()), Clock.systemUTC(),
                    Duration.ofHours(24), new OcspResponseCache(200_000));

            CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                    .get(CertificateID.HASH_SHA1), new X509CertificateHolder(ca.certificate().getEncoded()), asked);
            request = new OCSPReqBuilder().addRequest(id).build().getEncoded();
            getPath = "/" + URLEncoder.encode(Base64.getEncoder().encodeToString(request), StandardCharsets.US_ASCII);
            byte[] nonce = new byte[32];
            random.nextBytes(nonce);
            nonceRequest = new OCSPReqBuilder().addRequest(id)
                    .setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                            new DEROctetString(new DEROctetString(nonce)))))
                    .build().getEncoded();

            OcspReply warm = responder.respond(request);
            if (warm.status() != OcspResponseStatus.SUCCESSFUL || !responder.respond(request).fromCache()
                    || responder.respond(nonceRequest).fromCache()) {
                throw new IllegalStateException("the responder does not cache as this benchmark expects");
            }
        }
    }

    @Benchmark
    public OcspRequest parse(Responder state) {
        return OcspRequests.parse(state.request);
    }

    @Benchmark
    public byte[] cached(Responder state) {
        return state.responder.respond(state.request).der();
    }

    @Benchmark
    public byte[] cachedGet(Responder state) {
        return state.responder.respondToGet(state.getPath).der();
    }

    @Benchmark
    public byte[] fresh(Responder state) {
        return state.responder.respond(state.nonceRequest).der();
    }
}
