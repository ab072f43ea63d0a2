package dev.certa.bench.load;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.certa.core.crypto.CryptoProviders;
import dev.certa.core.csr.Csr;
import dev.certa.core.csr.CsrBuilder;
import dev.certa.core.key.KeyType;
import dev.certa.core.key.SoftwareSigner;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.name.SubjectAltName;
import dev.certa.core.pem.PasswordSource;
import dev.certa.core.pem.PemReader;
import dev.certa.core.pem.PemWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.pkcs.CertificationRequestInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/** Request bodies, all made before a run: CSRs, /sign bodies with one-time tokens, OCSP requests. */
final class Requests {
    private static final String END_CSR = "-----END CERTIFICATE REQUEST-----";

    private Requests() {}

    /**
     * {@code count} P-256 CSRs, one name each ({@code host-N.bench.internal}), read from {@code file} or made and
     * written there, so that both servers are sent the same CSRs.
     */
    static List<String> csrs(Path file, int count) throws IOException {
        if (Files.exists(file)) {
            List<String> out = new ArrayList<>();
            for (String part : Files.readString(file).split(END_CSR)) {
                if (part.contains("-----BEGIN")) {
                    out.add(part.strip() + "\n" + END_CSR + "\n");
                }
            }
            return out;
        }
        SecureRandom random = new SecureRandom();
        List<String> out = IntStream.range(0, count).parallel().mapToObj(i -> {
            KeyPair kp = KeyType.EC_P256.generate(random);
            String name = "host-" + i + ".bench.internal";
            return PemWriter.csr(new CsrBuilder(DistinguishedNames.of(name, "certa bench"))
                    .addSubjectAltName(SubjectAltName.parse(name)).sign(SoftwareSigner.of(kp)));
        }).toList();
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, String.join("", out));
        return out;
    }

    /** cfssl's /api/v1/cfssl/sign bodies, cycling through the CSRs. */
    static List<byte[]> cfsslBodies(List<String> csrs, int n) {
        List<byte[]> encoded = csrs.stream().map(c -> ("{\"certificate_request\":\"" + jsonEscape(c) + "\"}")
                .getBytes(StandardCharsets.UTF_8)).toList();
        return IntStream.range(0, n).mapToObj(i -> encoded.get(i % encoded.size())).toList();
    }

    /** certa's /sign bodies, cycling through the CSRs, each with a token of its own (tokens work once; see {@link TokenMint}). */
    static List<byte[]> certaBodies(List<String> csrs, int n, Path provisionerKey, String audience) throws IOException {
        TokenMint mint = TokenMint.of(provisionerKey, audience);
        List<String> escaped = csrs.stream().map(Requests::jsonEscape).toList();
        return IntStream.range(0, n).parallel()
                .mapToObj(i -> signBody(mint.token("host-" + (i % csrs.size()) + ".bench.internal"), escaped.get(i % csrs.size())))
                .toList();
    }

    /**
     * {@code n} /sign bodies an attacker would send, all with the one valid {@code token} (for
     * {@code host-0.bench.internal}): a PKCS#10 request around an RSA "key" of {@code modulusBits} bits
     * with a public exponent of {@code exponentBits} bits (65537 when 17), its signature zeros. Made in
     * microseconds with no key pair behind it; a server that verified it before judging the key would spend
     * seconds of CPU on each. 64 distinct CSRs, cycled.
     */
    static List<byte[]> hostileBodies(String token, int modulusBits, int exponentBits, int n) {
        SecureRandom random = new SecureRandom();
        List<String> csrs = IntStream.range(0, Math.min(n, 64)).mapToObj(i -> {
            BigInteger modulus = new BigInteger(modulusBits - 1, random).setBit(modulusBits - 1).setBit(0);
            BigInteger exponent = exponentBits == 17 ? BigInteger.valueOf(65537)
                    : new BigInteger(exponentBits - 1, random).setBit(exponentBits - 1).setBit(0);
            AlgorithmIdentifier rsa = new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE);
            try {
                CertificationRequestInfo info = new CertificationRequestInfo(DistinguishedNames.commonName("host-0.bench.internal"),
                        new SubjectPublicKeyInfo(rsa, new RSAPublicKey(modulus, exponent)), new DERSet());
                CertificationRequest request = new CertificationRequest(info,
                        new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption, DERNull.INSTANCE),
                        new DERBitString(new byte[modulusBits / 8]));
                return jsonEscape(PemWriter.csr(Csr.of(new PKCS10CertificationRequest(request))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
        return IntStream.range(0, n).mapToObj(i -> signBody(token, csrs.get(i % csrs.size()))).toList();
    }

    static byte[] signBody(String token, String escapedCsr) {
        return ("{\"token\":\"" + token + "\",\"csr\":\"" + escapedCsr + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * One-time tokens minted as {@code certa token} mints them (ES256, iss = provisioner "default", aud = the
     * /sign URL, sans, a random jti, 9 minutes). Signed with the native provider when it loads: minting is
     * the client's work and must not eat the CPU the server is measured on.
     */
    record TokenMint(KeyPair key, java.security.Provider provider, String audience, Instant now, SecureRandom random) {
        static TokenMint of(Path provisionerKey, String audience) throws IOException {
            KeyPair key = PemReader.readPrivateKey(Files.readAllBytes(provisionerKey), provisionerKey.toString(), PasswordSource.none())
                    .keyPair();
            return new TokenMint(key, CryptoProviders.get().forSignature("SHA256withECDSA"), audience, Instant.now(), new SecureRandom());
        }

        String token(String name) {
            byte[] id = new byte[16];
            random.nextBytes(id);
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("default").subject(name).audience(audience)
                    .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(9))))
                    .jwtID(Base64.getUrlEncoder().withoutPadding().encodeToString(id)).claim("sans", List.of(name)).build();
            try {
                ECDSASigner signer = new ECDSASigner((ECPrivateKey) key.getPrivate());
                signer.getJCAContext().setProvider(provider);
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).keyID("default").build(), claims);
                jwt.sign(signer);
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * OCSP requests (one CertID, SHA-1 as clients send) for the serials a sign-certa run saved in {@code dir};
     * with {@code nonces > 0}, that many requests each carrying a random nonce (so none is answered from cache).
     */
    static List<byte[]> ocsp(Path dir, int nonces) throws IOException {
        X509Certificate issuer = PemReader.readCertificates(Files.readAllBytes(dir.resolve("issuer.pem")), "issuer.pem").get(0);
        List<BigInteger> serials = Files.readAllLines(dir.resolve("serials.txt")).stream().filter(s -> !s.isBlank())
                .map(s -> new BigInteger(s.trim(), 16)).toList();
        try {
            DigestCalculator sha1 = new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1);
            X509CertificateHolder holder = new X509CertificateHolder(issuer.getEncoded());
            SecureRandom random = new SecureRandom();
            List<byte[]> out = new ArrayList<>();
            int n = nonces > 0 ? nonces : serials.size();
            for (int i = 0; i < n; i++) {
                OCSPReqBuilder b = new OCSPReqBuilder().addRequest(new CertificateID(sha1, holder, serials.get(i % serials.size())));
                if (nonces > 0) {
                    byte[] nonce = new byte[32];
                    random.nextBytes(nonce);
                    b.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                            new DEROctetString(new DEROctetString(nonce)))));
                }
                out.add(b.build().getEncoded());
            }
            return out;
        } catch (OperatorCreationException | OCSPException | java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static String jsonEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "").replace("\n", "\\n");
    }
}
