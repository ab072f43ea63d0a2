package dev.certa.server.ra;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.certa.server.http.ProblemException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks one-time tokens (JWTs signed by a provisioner's key, as {@code certa token} or
 * {@code step ca token} mint them): the signature, the issuer ({@code iss} = provisioner name), the
 * audience, the times
 * ({@code iat}/{@code nbf}/{@code exp}, a minute of clock skew, at most the configured lifetime). That
 * its {@code jti} was never used before on any node is checked when the certificate is recorded, in
 * the same transaction ({@code CertificateLedger.recordWithToken}): one disk flush per issuance. Each
 * failure is a 401 problem that says which check failed.
 *
 * <p>The audience binds the token to this CA as its clients reach it: it must be the CA's URL followed by
 * {@code /sign} (or {@code /1.0/sign}), equal in scheme ({@code https}), host (letter case aside) and port
 * (an absent port is 443), with no user part, query or fragment. The CA's URL is {@code tokens.ca-url}
 * when set (the URL of a load balancer in front of several nodes: every node has the same), else
 * {@code https://<public-host>:<https-port>} of this node. {@code certa token --ca-url U} mints for
 * {@code U/sign}, so a token is good only at the CA it was minted for: not at another port, host or scheme.
 */
public final class TokenVerifier {
    static final Duration SKEW = Duration.ofMinutes(1);
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.RS256,
            JWSAlgorithm.PS256, JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);

    private final Map<String, Provisioner> provisioners;
    private final Clock clock;
    private final Duration maxLifetime;
    private final URI caUrl;

    /** @param caUrl the CA's URL as its clients reach it, {@code https://host[:port]}, no path */
    public TokenVerifier(Map<String, Provisioner> provisioners, Clock clock, Duration maxLifetime, URI caUrl) {
        this.provisioners = Map.copyOf(provisioners);
        this.clock = clock;
        this.maxLifetime = maxLifetime;
        this.caUrl = caUrl;
    }

    /**
     * Checks {@code token} for use at {@code path} (e.g. {@code /sign}); the caller marks it used when
     * it records the certificate.
     *
     * @throws ProblemException 401 naming the failed check
     */
    public VerifiedToken verify(String token, String path) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token.trim());
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw refuse("malformed-token", "the token is not a signed JWT (" + e.getMessage() + "); mint one with 'certa token'");
        }
        if (!ALGORITHMS.contains(jwt.getHeader().getAlgorithm())) {
            throw refuse("bad-token-algorithm", "the token is signed with " + jwt.getHeader().getAlgorithm()
                    + "; certa accepts ES256, ES384, RS256, PS256 and EdDSA");
        }
        String issuer = claims.getIssuer();
        Provisioner p = issuer == null ? null : provisioners.get(issuer);
        if (p == null) {
            throw refuse("unknown-provisioner", "the token's issuer " + (issuer == null ? "is missing" : "'" + issuer + "' is not a provisioner of this CA")
                    + "; known provisioners: " + String.join(", ", new java.util.TreeSet<>(provisioners.keySet())));
        }
        try {
            if (!jwt.verify(p.verifier())) {
                throw refuse("bad-token-signature", "the token's signature does not verify with provisioner '" + p.name()
                        + "''s key; mint it with that provisioner's private key");
            }
        } catch (JOSEException e) {
            throw refuse("bad-token-signature", "the token's signature cannot be checked with provisioner '" + p.name()
                    + "''s key (" + e.getMessage() + ")");
        }
        checkAudience(claims.getAudience(), path);
        Instant now = clock.instant();
        Instant exp = instant(claims.getExpirationTime(), "exp");
        Instant iat = instant(claims.getIssueTime(), "iat");
        Instant nbf = claims.getNotBeforeTime() == null ? iat : claims.getNotBeforeTime().toInstant();
        if (now.isAfter(exp.plus(SKEW))) {
            throw refuse("token-expired", "the token expired at " + exp + "; mint a new one");
        }
        if (now.plus(SKEW).isBefore(nbf) || now.plus(SKEW).isBefore(iat)) {
            throw refuse("token-not-yet-valid", "the token is valid only from " + nbf + "; check the clock of the machine that minted it");
        }
        if (Duration.between(iat, exp).compareTo(maxLifetime) > 0) {
            throw refuse("token-lifetime-too-long", "the token lives " + Duration.between(iat, exp).toMinutes()
                    + " minutes; this CA accepts at most " + maxLifetime.toMinutes() + " minutes (tokens.max-lifetime)");
        }
        String jti = claims.getJWTID();
        if (jti == null || jti.isBlank() || jti.length() > 128) {
            throw refuse("malformed-token", "the token has no usable jti (a unique id of 1-128 characters)");
        }
        List<String> names = names(claims);
        String subject = claims.getSubject() == null ? names.get(0) : claims.getSubject();
        return new VerifiedToken(p, subject, names, jti, exp);
    }

    private void checkAudience(List<String> audience, String path) {
        for (String aud : audience) {
            if (isThisCa(aud, path)) {
                return;
            }
        }
        String base = caUrl.toString().replaceAll("/+$", "");
        throw refuse("wrong-audience", "the token is for " + (audience.isEmpty() ? "no audience" : String.join(", ", audience))
                + ", not for this CA's " + base + path + " (the scheme, host and port must match); mint it with --ca-url " + base);
    }

    private boolean isThisCa(String aud, String path) {
        URI u;
        try {
            u = new URI(aud);
        } catch (java.net.URISyntaxException e) {
            return false;
        }
        String p = u.getPath() == null ? "" : u.getPath();
        return "https".equalsIgnoreCase(u.getScheme()) && u.getRawUserInfo() == null && u.getRawQuery() == null
                && u.getRawFragment() == null && u.getHost() != null && caUrl.getHost() != null
                && u.getHost().equalsIgnoreCase(caUrl.getHost()) && port(u) == port(caUrl)
                && (p.equals(path) || p.equals("/1.0" + path));
    }

    private static int port(URI u) {
        return u.getPort() == -1 ? 443 : u.getPort();
    }

    private static List<String> names(JWTClaimsSet claims) {
        Object sans = claims.getClaim("sans");
        List<String> out = new ArrayList<>();
        if (sans instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof String s && !s.isBlank()) {
                    out.add(s.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        if (out.isEmpty() && claims.getSubject() != null) {
            out.add(claims.getSubject().toLowerCase(Locale.ROOT));
        }
        if (out.isEmpty()) {
            throw refuse("malformed-token", "the token names no certificate names (sans claim)");
        }
        return out;
    }

    private static Instant instant(Date d, String claim) {
        if (d == null) {
            throw refuse("malformed-token", "the token has no " + claim + " claim");
        }
        return d.toInstant();
    }

    /** The problem for a token whose id was already used (found when the certificate is recorded). */
    public static ProblemException replayed(String tokenId) {
        return refuse("token-replayed", "this token (jti " + tokenId + ") was already used; tokens work once, mint a new one");
    }

    private static ProblemException refuse(String slug, String detail) {
        return ProblemException.unauthorized(slug, detail);
    }
}
