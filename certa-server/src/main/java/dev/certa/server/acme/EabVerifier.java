package dev.certa.server.acme;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.JWK;
import dev.certa.server.ra.acme.AcmeEabKeys;
import dev.certa.server.ra.acme.AcmeError;
import dev.certa.server.ra.acme.AcmeException;
import dev.certa.store.AcmeEabKey;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the External Account Binding of a newAccount request (RFC 8555 section 7.3.4): an inner JWS,
 * MAC-ed (HS256, HS384 or HS512) with a key an admin handed out, whose {@code kid} names that key, whose
 * {@code url} is the newAccount URL, which carries no nonce, and whose payload is the new account's
 * public key. A valid MAC shows that whoever holds the account key also got the MAC key. Whether the
 * key is still free to bind is the registration authority's decision.
 */
final class EabVerifier {
    private static final Map<JWSAlgorithm, String> MACS = Map.of(JWSAlgorithm.HS256, "HmacSHA256", JWSAlgorithm.HS384,
            "HmacSHA384", JWSAlgorithm.HS512, "HmacSHA512");
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_.~-]{1,128}");
    private final AcmeEabKeys keys;

    EabVerifier(AcmeEabKeys keys) {
        this.keys = keys;
    }

    /** Verifies {@code binding}, made for the account key with {@code accountThumbprint}; returns the key id. */
    String verify(JsonNode binding, String accountThumbprint, String newAccountUrl) {
        JWSObject jws = JwsVerifier.parse(binding);
        JWSHeader header = jws.getHeader();
        String mac = MACS.get(header.getAlgorithm());
        if (mac == null) {
            throw new AcmeException(AcmeError.MALFORMED, "the externalAccountBinding must be MAC-ed with HS256, HS384 or HS512, not "
                    + header.getAlgorithm());
        }
        if (header.getCustomParam("nonce") != null || header.getJWK() != null) {
            throw new AcmeException(AcmeError.MALFORMED, "the externalAccountBinding's header must have no nonce and no jwk: only alg,"
                    + " kid and url");
        }
        if (!newAccountUrl.equals(header.getCustomParam("url"))) {
            throw new AcmeException(AcmeError.MALFORMED, "the externalAccountBinding's \"url\" must be the newAccount URL (" + newAccountUrl + ")");
        }
        String kid = header.getKeyID();
        if (kid == null || !KEY_ID.matcher(kid).matches()) {
            throw new AcmeException(AcmeError.MALFORMED, "the externalAccountBinding's \"kid\" must be the key id the CA's admin gave you");
        }
        if (!accountThumbprint.equals(thumbprint(jws))) {
            throw new AcmeException(AcmeError.MALFORMED, "the externalAccountBinding's payload must be the new account's public key"
                    + " (the jwk of the outer request)");
        }
        AcmeEabKey key = keys.find(kid).orElseThrow(() -> new AcmeException(AcmeError.UNAUTHORIZED, "this CA has no External Account"
                + " Binding key '" + kid + "'; check the key id the CA's admin gave you"));
        if (!MessageDigest.isEqual(mac(mac, key.hmacKey(), jws.getSigningInput()), jws.getSignature().decode())) {
            throw new AcmeException(AcmeError.UNAUTHORIZED, "the externalAccountBinding's MAC does not verify with the key '" + kid
                    + "'; check the MAC key (base64url) the CA's admin gave you");
        }
        if (key.revokedAt().isPresent()) {
            throw new AcmeException(AcmeError.UNAUTHORIZED, "the External Account Binding key '" + kid + "' was revoked by the CA's"
                    + " admin (" + key.revokedAt().get() + "); ask them for a new one");
        }
        return kid;
    }

    private static String thumbprint(JWSObject jws) {
        try {
            return JWK.parse(jws.getPayload().toString()).toPublicJWK().computeThumbprint().toString();
        } catch (ParseException | JOSEException | RuntimeException e) {
            throw new AcmeException(AcmeError.MALFORMED, "the externalAccountBinding's payload is not a JWK (it must be the new account's"
                    + " public key)");
        }
    }

    private static byte[] mac(String algorithm, byte[] key, byte[] data) {
        try {
            Mac m = Mac.getInstance(algorithm);
            m.init(new SecretKeySpec(key, algorithm));
            return m.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(algorithm + " is unavailable", e);
        }
    }
}
