package dev.certa.core.inspect;

import dev.certa.core.key.KeyDescription;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything a person asks about an X.509 certificate.
 *
 * <p>A certificate binds a public key to names: the {@code subject} (a distinguished name, today
 * mostly for people) and the {@code subjectAltNames} (what TLS clients actually match the host
 * against). The {@code issuer} signed it; when issuer and subject are the same the certificate is
 * self-signed, which is what a root CA is. {@code ca} says whether it may sign other certificates, and
 * {@code pathLen} how many CA certificates may still follow it (0: only leaves).
 *
 * <p>Two fingerprints identify things across files: {@code sha256Fingerprint} is the SHA-256 of the
 * certificate's DER (what {@code openssl x509 -fingerprint -sha256} prints);
 * {@code publicKeySha256} is the SHA-256 of the public key (SubjectPublicKeyInfo DER), equal to the
 * one shown for the matching private key, CSR or public key file.
 *
 * @param serial the serial number in colon-separated uppercase hex, e.g. {@code 4F:1A:09}
 * @param daysLeft whole days from the inspection instant until {@code notAfter}; negative once expired
 * @param signatureAlgorithm how the issuer signed it, e.g. SHA256withECDSA, Ed25519
 * @param selfSigned subject equals issuer and the key identifiers (if present) agree; the signature is
 *     not checked
 * @param pathLen the basicConstraints path length limit; empty for a leaf or for a CA without a limit
 * @param keyUsage RFC 5280 key usage names: digitalSignature, keyEncipherment, keyCertSign, cRLSign, …
 * @param extendedKeyUsage purposes: serverAuth, clientAuth, …, or the OID when certa has no name
 * @param subjectAltNames as openssl prints them: DNS:api.example.com, IP:10.0.0.5, email:…, URI:…
 * @param subjectKeyId the subject key identifier, colon hex
 * @param authorityKeyId the issuer's key identifier, colon hex: equals the issuer's subjectKeyId
 * @param ocspUrls where to ask whether it is revoked (AIA OCSP)
 * @param caIssuersUrls where to download the issuer's certificate (AIA caIssuers)
 * @param crlUrls where the issuer publishes its CRL (CRL distribution points)
 */
public record CertificateView(
        String subject,
        String issuer,
        String serial,
        Instant notBefore,
        Instant notAfter,
        long daysLeft,
        ValidityStatus status,
        KeyDescription key,
        String signatureAlgorithm,
        String sha256Fingerprint,
        String publicKeySha256,
        boolean selfSigned,
        boolean ca,
        OptionalInt pathLen,
        List<String> keyUsage,
        List<String> extendedKeyUsage,
        List<String> subjectAltNames,
        Optional<String> subjectKeyId,
        Optional<String> authorityKeyId,
        List<String> ocspUrls,
        List<String> caIssuersUrls,
        List<String> crlUrls,
        Optional<NameConstraintsView> nameConstraints) implements InspectedItem {

    public CertificateView {
        keyUsage = List.copyOf(keyUsage);
        extendedKeyUsage = List.copyOf(extendedKeyUsage);
        subjectAltNames = List.copyOf(subjectAltNames);
        ocspUrls = List.copyOf(ocspUrls);
        caIssuersUrls = List.copyOf(caIssuersUrls);
        crlUrls = List.copyOf(crlUrls);
    }

    /**
     * Reads a certificate as it stands at {@code now}. Uses only parsing and hashing: no signature is
     * verified and no crypto provider is loaded. A malformed extension is a
     * {@link dev.certa.core.error.ErrorKind#BAD_INPUT} error naming the extension.
     */
    public static CertificateView of(X509Certificate certificate, Instant now) {
        return CertificateReader.read(certificate, now);
    }

    @Override
    public String kind() {
        return "certificate";
    }

    @Override
    public String label() {
        return "certificate";
    }
}
