package dev.certa.server.ra;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import java.net.URI;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * Mints one-time tokens with a provisioner's private key ({@code certa token}): a JWT whose issuer is
 * the provisioner, whose audience is the CA's {@code /sign} URL, naming the certificate's names, with a
 * random {@code jti} and a short lifetime.
 */
public final class TokenMinter {
    private final Clock clock;
    private final SecureRandom random;

    public TokenMinter(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    public String mint(String provisioner, KeyPair key, URI caUrl, List<String> names, Duration lifetime) {
        if (names.isEmpty()) {
            throw new CertaException(ErrorKind.USAGE, "a token needs at least one name", "give the names the certificate is for");
        }
        Instant now = clock.instant();
        byte[] id = new byte[16];
        random.nextBytes(id);
        String base = caUrl.toString().replaceAll("/+$", "");
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(provisioner)
                .subject(names.get(0))
                .audience(base + "/sign")
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(Base64.getUrlEncoder().withoutPadding().encodeToString(id))
                .claim("sans", List.copyOf(names))
                .build();
        try {
            JWSSigner signer;
            JWSAlgorithm alg;
            if (key.getPrivate() instanceof ECPrivateKey ec) {
                int bits = ((ECPublicKey) key.getPublic()).getParams().getCurve().getField().getFieldSize();
                alg = bits > 256 ? JWSAlgorithm.ES384 : JWSAlgorithm.ES256;
                signer = new ECDSASigner(ec);
            } else if (key.getPrivate() instanceof RSAPrivateKey rsa) {
                alg = JWSAlgorithm.RS256;
                signer = new RSASSASigner(rsa);
            } else {
                throw new CertaException(ErrorKind.UNSUPPORTED_KEY, "provisioner keys must be EC or RSA to mint tokens with certa",
                        "create the provisioner key with 'certa key create --type p256'");
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).keyID(provisioner).build(), claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new CertaException(ErrorKind.INTERNAL, "cannot sign the token: " + e.getMessage(), null, e);
        }
    }
}
