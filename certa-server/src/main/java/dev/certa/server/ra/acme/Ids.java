package dev.certa.server.ra.acme;

import java.security.SecureRandom;
import java.util.Base64;

/** Random ids and tokens: 128 bits (ids) or 256 bits (challenge tokens), base64url without padding. */
final class Ids {
    private final SecureRandom random;

    Ids(SecureRandom random) {
        this.random = random;
    }

    String id() {
        return bytes(16);
    }

    String token() {
        return bytes(32);
    }

    private String bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
