package dev.certa.core.path;

import java.util.Optional;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;

/** Maps a certificate's signature AlgorithmIdentifier to one of the {@link SignatureAlgorithm}s, strictly. */
final class SignatureAlgorithms {
    private static final String PSS_OID = PKCSObjectIdentifiers.id_RSASSA_PSS.getId();

    private SignatureAlgorithms() {}

    /**
     * The algorithm, or empty when it is not one certa verifies: unknown OIDs, RSA with parameters other
     * than NULL or absent, ECDSA/EdDSA with parameters, RSA-PSS with unusual salt or mask settings.
     */
    static Optional<SignatureAlgorithm> identify(AlgorithmIdentifier id) {
        String oid = id.getAlgorithm().getId();
        if (oid.equals(PKCSObjectIdentifiers.id_RSASSA_PSS.getId())) {
            return pss(id);
        }
        Optional<SignatureAlgorithm> plain = SignatureAlgorithm.byPlainOid(oid);
        if (plain.isEmpty()) {
            return plain;
        }
        var params = id.getParameters();
        boolean rsa = plain.get().name().startsWith("RSA");
        if (rsa ? params != null && !DERNull.INSTANCE.equals(params) : params != null) {
            return Optional.empty(); // RFC 5758 / 8410: ECDSA and EdDSA carry no parameters, RSA only NULL
        }
        return plain;
    }

    /**
     * As {@link #identify(AlgorithmIdentifier)} for an algorithm split out by {@link PlainCertificate}, whose
     * parameters are absent, NULL or an OID: RSA-PSS always has a parameter SEQUENCE, so it is never one here.
     */
    static Optional<SignatureAlgorithm> identify(String oid, PlainCertificate.Parameters params) {
        if (oid.equals(PSS_OID)) {
            return Optional.empty();
        }
        Optional<SignatureAlgorithm> plain = SignatureAlgorithm.byPlainOid(oid);
        if (plain.isEmpty()) {
            return plain;
        }
        boolean rsa = plain.get().name().startsWith("RSA");
        boolean allowed = params.absent() || (rsa && params.oid() == null);
        return allowed ? plain : Optional.empty();
    }

    private static Optional<SignatureAlgorithm> pss(AlgorithmIdentifier id) {
        try {
            RSASSAPSSparams p = RSASSAPSSparams.getInstance(id.getParameters());
            var hash = p.getHashAlgorithm().getAlgorithm();
            var mgf = p.getMaskGenAlgorithm();
            if (!mgf.getAlgorithm().equals(PKCSObjectIdentifiers.id_mgf1)
                    || !AlgorithmIdentifier.getInstance(mgf.getParameters()).getAlgorithm().equals(hash)
                    || p.getTrailerField().intValue() != 1) {
                return Optional.empty();
            }
            int salt = p.getSaltLength().intValue();
            if (hash.equals(NISTObjectIdentifiers.id_sha256) && salt == 32) {
                return Optional.of(SignatureAlgorithm.RSA_PSS_SHA256);
            } else if (hash.equals(NISTObjectIdentifiers.id_sha384) && salt == 48) {
                return Optional.of(SignatureAlgorithm.RSA_PSS_SHA384);
            } else if (hash.equals(NISTObjectIdentifiers.id_sha512) && salt == 64) {
                return Optional.of(SignatureAlgorithm.RSA_PSS_SHA512);
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A readable name for any algorithm: "SHA256WITHECDSA", "MD5WITHRSA", or the OID. */
    static String name(AlgorithmIdentifier id) {
        return identify(id).map(SignatureAlgorithm::displayName).orElseGet(() -> {
            try {
                return new DefaultAlgorithmNameFinder().getAlgorithmName(id);
            } catch (RuntimeException e) {
                return id.getAlgorithm().getId();
            }
        });
    }
}
