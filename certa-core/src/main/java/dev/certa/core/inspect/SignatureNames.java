package dev.certa.core.inspect;

import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;

/**
 * The signature algorithm of a certificate, CSR or CRL by its Java (JCA) name: {@code
 * SHA256withECDSA}, {@code SHA256withRSA}, {@code Ed25519}. The name is the hash and the key type
 * the issuer signed with; it says nothing about the key inside the certificate.
 *
 * <p>A table lookup only: naming an algorithm must not load a crypto provider (that costs start-up
 * time on every {@code certa inspect}).
 */
final class SignatureNames {
    private SignatureNames() {}

    private static final Map<ASN1ObjectIdentifier, String> NAMES = Map.ofEntries(
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA1, "SHA1withECDSA"),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA224, "SHA224withECDSA"),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA256, "SHA256withECDSA"),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA384, "SHA384withECDSA"),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA512, "SHA512withECDSA"),
            Map.entry(PKCSObjectIdentifiers.md5WithRSAEncryption, "MD5withRSA"),
            Map.entry(PKCSObjectIdentifiers.sha1WithRSAEncryption, "SHA1withRSA"),
            Map.entry(PKCSObjectIdentifiers.sha224WithRSAEncryption, "SHA224withRSA"),
            Map.entry(PKCSObjectIdentifiers.sha256WithRSAEncryption, "SHA256withRSA"),
            Map.entry(PKCSObjectIdentifiers.sha384WithRSAEncryption, "SHA384withRSA"),
            Map.entry(PKCSObjectIdentifiers.sha512WithRSAEncryption, "SHA512withRSA"),
            Map.entry(EdECObjectIdentifiers.id_Ed25519, "Ed25519"),
            Map.entry(EdECObjectIdentifiers.id_Ed448, "Ed448"));

    private static final Map<ASN1ObjectIdentifier, String> HASHES = Map.of(
            OIWObjectIdentifiers.idSHA1, "SHA1",
            NISTObjectIdentifiers.id_sha224, "SHA224",
            NISTObjectIdentifiers.id_sha256, "SHA256",
            NISTObjectIdentifiers.id_sha384, "SHA384",
            NISTObjectIdentifiers.id_sha512, "SHA512");

    static String of(AlgorithmIdentifier id) {
        ASN1ObjectIdentifier oid = id.getAlgorithm();
        String known = NAMES.get(oid);
        if (known != null) {
            return known;
        }
        if (oid.equals(PKCSObjectIdentifiers.id_RSASSA_PSS)) {
            return pss(id);
        }
        String found = new DefaultAlgorithmNameFinder().getAlgorithmName(id);
        return found == null || found.isEmpty() ? oid.getId() : found;
    }

    /** RSA-PSS names its hash in the parameters; SHA-1 when they are absent (RFC 4055 defaults). */
    private static String pss(AlgorithmIdentifier id) {
        try {
            RSASSAPSSparams params = id.getParameters() == null
                    ? new RSASSAPSSparams() : RSASSAPSSparams.getInstance(id.getParameters());
            ASN1ObjectIdentifier hash = params.getHashAlgorithm().getAlgorithm();
            return HASHES.getOrDefault(hash, hash.getId()) + "withRSA/PSS";
        } catch (RuntimeException e) {
            return "RSASSA-PSS";
        }
    }
}
