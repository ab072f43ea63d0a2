package dev.certa.server.acme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jca.JCAAware;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import dev.certa.core.crypto.CryptoProviders;
import dev.certa.server.http.ApiRequest;
import dev.certa.server.ra.acme.AcmeError;
import dev.certa.server.ra.acme.AcmeException;
import dev.certa.store.AcmeAccount;
import dev.certa.store.AcmeLedger;
import dev.certa.store.AcmeStatus;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Checks an ACME request's JWS (RFC 8555 section 6.2): flattened JSON serialization of strict
 * base64url parts; an algorithm certa accepts (ES256, ES384, RS256, EdDSA); exactly one of {@code jwk}
 * (newAccount only) or {@code kid} (an existing, valid account); the signature (a key whose account was
 * deactivated signs nothing, even as {@code jwk}); the {@code url}
 * header equal to the URL requested; and, last, a nonce redeemed now for the first time, so a forged
 * request never burns a client's nonce.
 */
final class JwsVerifier {
    /** Which key a request must be signed with: a new key (jwk), an account's (kid), or either (revokeCert). */
    enum KeyRule { JWK, KID, EITHER }

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.RS256,
            JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);
    static final String ALGORITHM_NAMES = "ES256, ES384, RS256, EdDSA";
    static final int MAX_JWS = 16 * 1024;
    private static final byte[] ED25519_SPKI = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final int ACCOUNT_KEYS = 10_000;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, AccountKey> accountKeys = new ConcurrentHashMap<>();
    private final AcmeLedger ledger;
    private final Nonces nonces;
    private final AcmeUrls urls;

    JwsVerifier(AcmeLedger ledger, Nonces nonces, AcmeUrls urls) {
        this.ledger = ledger;
        this.nonces = nonces;
        this.urls = urls;
    }

    VerifiedJws verify(ApiRequest request, KeyRule rule) {
        String type = request.header("content-type").orElse("");
        if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("application/jose+json")) {
            throw new AcmeException(AcmeError.MALFORMED, 415, "send the JWS as application/jose+json, not '" + type + "'");
        }
        if (request.body().length > MAX_JWS) {
            throw new AcmeException(AcmeError.MALFORMED, 413, "the JWS is " + request.body().length + " bytes, over the limit of " + MAX_JWS);
        }
        JWSObject jws = parse(request.body());
        JWSHeader header = jws.getHeader();
        if (!ALGORITHMS.contains(header.getAlgorithm())) {
            throw new AcmeException(AcmeError.BAD_SIGNATURE_ALGORITHM, "the JWS algorithm " + header.getAlgorithm()
                    + " is not accepted; use one of " + ALGORITHM_NAMES);
        }
        JWK jwk = header.getJWK();
        String kid = header.getKeyID();
        if ((jwk == null) == (kid == null)) {
            throw new AcmeException(AcmeError.MALFORMED, "the JWS header must have exactly one of \"jwk\" and \"kid\"");
        }
        Optional<AcmeAccount> account = Optional.empty();
        AccountKey key = null;
        if (rule == KeyRule.JWK && jwk == null) {
            throw new AcmeException(AcmeError.MALFORMED, "this request must be signed with the new account's key, given as \"jwk\"");
        }
        if (rule == KeyRule.KID || rule == KeyRule.EITHER && kid != null) {
            if (kid == null) {
                throw new AcmeException(AcmeError.MALFORMED, "this request must name its account by \"kid\" (the account URL)");
            }
            AcmeAccount a = urls.accountId(kid).flatMap(ledger::account).orElseThrow(() -> new AcmeException(
                    AcmeError.ACCOUNT_DOES_NOT_EXIST, "there is no account " + kid));
            if (a.status() != AcmeStatus.VALID) {
                throw new AcmeException(AcmeError.UNAUTHORIZED, "the account " + kid + " is " + a.status().word());
            }
            key = accountKey(a, header.getAlgorithm());
            jwk = key.jwk();
            account = Optional.of(a);
        }
        String thumbprint;
        if (key != null) {
            if (key.verifier() != null) {
                checkSignature(jws, key.verifier());
            } else {
                checkSignature(jws, jwk);
            }
            thumbprint = key.thumbprint();
        } else {
            checkSignature(jws, jwk);
            thumbprint = thumbprintOf(jwk);
            refuseDeactivated(thumbprint);
        }
        Object url = header.getCustomParam("url");
        if (!(url instanceof String u) || !u.equals(urls.base() + request.path())) {
            throw new AcmeException(AcmeError.UNAUTHORIZED, "the JWS \"url\" header (" + url + ") is not the URL requested ("
                    + urls.base() + request.path() + ")");
        }
        Object nonce = header.getCustomParam("nonce");
        if (!(nonce instanceof String n) || !nonces.redeem(n)) {
            throw new AcmeException(AcmeError.BAD_NONCE, "the nonce is missing, expired, not from this CA, or used before; use the"
                    + " fresh one in this response's Replay-Nonce header");
        }
        return new VerifiedJws(account, jwk, thumbprint, payload(jws));
    }

    /**
     * A key whose account was deactivated signs nothing more (RFC 8555 section 7.3.6), newAccount included:
     * {@code unauthorized}, as Let's Encrypt and Pebble answer, so that no client adopts the dead account.
     */
    private void refuseDeactivated(String thumbprint) {
        Optional<AcmeAccount> holder = ledger.accountByKey(thumbprint);
        if (holder.isPresent() && holder.get().status() != AcmeStatus.VALID) {
            throw new AcmeException(AcmeError.UNAUTHORIZED, "the account of this key is " + holder.get().status().word()
                    + " and accepts no more requests; create a new account with a new key");
        }
    }

    private static String thumbprintOf(JWK jwk) {
        try {
            return jwk.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new AcmeException(AcmeError.MALFORMED, "the key's thumbprint cannot be computed");
        }
    }

    /**
     * An account's stored key, read once: its JWK, thumbprint and, for the algorithm it was first used
     * with, a verifier (Nimbus' verifiers are thread-safe). Keyed by the stored JWK itself, so an account
     * whose key was rolled over on any node is looked up by its new key; the account row is still read at
     * every request, for its status and key.
     */
    private record AccountKey(JWK jwk, String thumbprint, JWSAlgorithm algorithm, @Nullable JWSVerifier verifier) {}

    private AccountKey accountKey(AcmeAccount a, JWSAlgorithm algorithm) {
        AccountKey known = accountKeys.get(a.jwk());
        if (known != null && known.algorithm().equals(algorithm)) {
            return known;
        }
        JWK jwk;
        try {
            jwk = JWK.parse(a.jwk());
        } catch (ParseException e) {
            throw new IllegalStateException("stored account key of " + a.id() + " is unreadable", e);
        }
        AccountKey key = new AccountKey(jwk, thumbprintOf(jwk), algorithm, verifier(algorithm, jwk));
        if (accountKeys.size() >= ACCOUNT_KEYS) {
            accountKeys.clear(); // a crude bound: the cache only saves parsing, and refills as accounts come back
        }
        accountKeys.put(a.jwk(), key);
        return key;
    }

    /** The inner JWS of a keyChange request: signed by the new key (given as jwk) for the same URL. */
    record Inner(JWK key, String keyThumbprint, JsonNode payload) {}

    Inner verifyInner(JsonNode inner, String url) {
        JWSObject jws = parse(inner);
        JWSHeader header = jws.getHeader();
        if (!ALGORITHMS.contains(header.getAlgorithm())) {
            throw new AcmeException(AcmeError.BAD_SIGNATURE_ALGORITHM, "the inner JWS algorithm " + header.getAlgorithm()
                    + " is not accepted; use one of " + ALGORITHM_NAMES);
        }
        JWK jwk = header.getJWK();
        if (jwk == null || header.getKeyID() != null) {
            throw new AcmeException(AcmeError.MALFORMED, "the inner JWS must carry the new key as \"jwk\" (and no \"kid\")");
        }
        checkSignature(jws, jwk);
        if (!url.equals(header.getCustomParam("url"))) {
            throw new AcmeException(AcmeError.MALFORMED, "the inner JWS \"url\" must be the outer one's (" + url + ")");
        }
        try {
            return new Inner(jwk, jwk.computeThumbprint().toString(), payload(jws).orElseThrow(
                    () -> new AcmeException(AcmeError.MALFORMED, "the inner JWS needs a payload {account, oldKey}")));
        } catch (JOSEException e) {
            throw new AcmeException(AcmeError.MALFORMED, "the new key's thumbprint cannot be computed");
        }
    }

    /** The RFC 7638 thumbprint of a JWK given as JSON. */
    static String thumbprint(JsonNode jwk) {
        try {
            return JWK.parse(jwk.toString()).computeThumbprint().toString();
        } catch (ParseException | JOSEException e) {
            throw new AcmeException(AcmeError.MALFORMED, "\"oldKey\" is not a JWK");
        }
    }

    private JWSObject parse(byte[] body) {
        JsonNode n;
        try {
            n = mapper.readTree(body);
        } catch (IOException e) {
            throw new AcmeException(AcmeError.MALFORMED, "the body is not JSON");
        }
        return parse(n);
    }

    static JWSObject parse(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new AcmeException(AcmeError.MALFORMED, "the body must be a JWS in flattened JSON serialization");
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!Set.of("protected", "payload", "signature").contains(f)) {
                throw new AcmeException(AcmeError.MALFORMED, "the JWS has an unexpected member \"" + f
                        + "\"; send protected, payload and signature only (no unprotected header, one signature)");
            }
        }
        String[] parts = new String[3];
        String[] names = {"protected", "payload", "signature"};
        for (int i = 0; i < 3; i++) {
            JsonNode p = n.get(names[i]);
            if (p == null || !p.isTextual() || !isBase64url(p.asText())) {
                throw new AcmeException(AcmeError.MALFORMED, "the JWS member \"" + names[i] + "\" is missing or not base64url");
            }
            parts[i] = p.asText();
        }
        try {
            return JWSObject.parse(parts[0] + "." + parts[1] + "." + parts[2]);
        } catch (ParseException | RuntimeException e) {
            throw new AcmeException(AcmeError.MALFORMED, "the JWS cannot be read: " + e.getMessage());
        }
    }

    private static boolean isBase64url(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static void checkSignature(JWSObject jws, JWK jwk) {
        JWSVerifier verifier = verifier(jws.getHeader().getAlgorithm(), jwk);
        if (verifier != null) {
            checkSignature(jws, verifier);
        } else if (!ed25519(jws, (OctetKeyPair) jwk)) {
            throw signatureDoesNotVerify(jws);
        }
    }

    private static void checkSignature(JWSObject jws, JWSVerifier verifier) {
        boolean ok;
        try {
            ok = jws.verify(verifier);
        } catch (JOSEException e) {
            ok = false;
        }
        if (!ok) {
            throw signatureDoesNotVerify(jws);
        }
    }

    private static AcmeException signatureDoesNotVerify(JWSObject jws) {
        return new AcmeException(AcmeError.MALFORMED, "the JWS signature does not verify with the "
                + (jws.getHeader().getJWK() != null ? "given jwk" : "account's key"));
    }

    /**
     * A verifier of {@code alg} signatures by {@code jwk}; null for Ed25519, which {@link #ed25519} checks;
     * {@code badSignatureAlgorithm} when the key does not go with the algorithm or is too weak.
     */
    private static @Nullable JWSVerifier verifier(JWSAlgorithm alg, JWK jwk) {
        try {
            return switch (jwk) {
                case ECKey ec when alg.equals(JWSAlgorithm.ES256) && ec.getCurve().equals(Curve.P_256)
                        || alg.equals(JWSAlgorithm.ES384) && ec.getCurve().equals(Curve.P_384) -> fast(new ECDSAVerifier(ec),
                        alg.equals(JWSAlgorithm.ES256) ? "SHA256withECDSA" : "SHA384withECDSA");
                case RSAKey rsa when alg.equals(JWSAlgorithm.RS256) && rsa.size() >= 2048 -> fast(new RSASSAVerifier(rsa),
                        "SHA256withRSA");
                case OctetKeyPair okp when (alg.equals(JWSAlgorithm.EdDSA) || alg.equals(JWSAlgorithm.Ed25519))
                        && okp.getCurve().equals(Curve.Ed25519) -> null;
                default -> throw new AcmeException(AcmeError.BAD_SIGNATURE_ALGORITHM, "the key (" + jwk.getKeyType()
                        + ") does not go with " + alg + ", or is too weak; use one of " + ALGORITHM_NAMES);
            };
        } catch (JOSEException e) {
            throw new AcmeException(AcmeError.MALFORMED, "the key cannot be used to verify a signature: " + e.getMessage());
        }
    }

    /**
     * Nimbus verifies with the JDK's default provider unless told otherwise; certa's native one (AWS-LC,
     * where it loads) verifies an ES256 JWS several times faster than SunEC's Java arithmetic, and every
     * ACME request carries one.
     */
    private static <V extends JWSVerifier & JCAAware<JCAContext>> V fast(V verifier, String jcaAlgorithm) {
        verifier.getJCAContext().setProvider(CryptoProviders.get().forSignature(jcaAlgorithm));
        return verifier;
    }

    /** The account key as a JCA key (for comparing it with a CSR's). */
    static PublicKey publicKey(JWK jwk) {
        try {
            return switch (jwk) {
                case ECKey ec -> ec.toPublicKey();
                case RSAKey rsa -> rsa.toPublicKey();
                case OctetKeyPair okp -> ed25519Key(okp);
                default -> throw new AcmeException(AcmeError.MALFORMED, "unsupported key type " + jwk.getKeyType());
            };
        } catch (JOSEException | GeneralSecurityException e) {
            throw new AcmeException(AcmeError.MALFORMED, "the account key cannot be used: " + e.getMessage());
        }
    }

    private static PublicKey ed25519Key(OctetKeyPair okp) throws GeneralSecurityException {
        byte[] x = okp.getX().decode();
        byte[] spki = new byte[ED25519_SPKI.length + x.length];
        System.arraycopy(ED25519_SPKI, 0, spki, 0, ED25519_SPKI.length);
        System.arraycopy(x, 0, spki, ED25519_SPKI.length, x.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    }

    private static boolean ed25519(JWSObject jws, OctetKeyPair okp) {
        try {
            PublicKey key = ed25519Key(okp);
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(jws.getSigningInput());
            return s.verify(jws.getSignature().decode());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private Optional<JsonNode> payload(JWSObject jws) {
        byte[] bytes = jws.getPayload().toBytes();
        if (bytes == null || bytes.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode n = mapper.readTree(bytes);
            if (n == null || !n.isObject()) {
                throw new AcmeException(AcmeError.MALFORMED, "the JWS payload must be a JSON object (or empty for POST-as-GET)");
            }
            return Optional.of(n);
        } catch (IOException e) {
            throw new AcmeException(AcmeError.MALFORMED, "the JWS payload is not JSON");
        }
    }
}
