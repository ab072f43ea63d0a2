package dev.certa.server.ra.acme;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/**
 * Ids and tokens, base64url without padding. An id is 128 bits: the time in milliseconds (48 bits) and
 * 80 random bits, so it cannot be guessed, while the ids made within seconds of each other share their
 * first characters. The store indexes orders, authorizations and challenges by id: fully random ids
 * put every new row on another index page, and each such page is written to the WAL again at the
 * next commit; ids close in time fill the same few pages. A challenge token is 256 random bits.
 */
final class Ids {
    private final Clock clock;
    private final SecureRandom random;

    Ids(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    String id() {
        byte[] r = new byte[10];
        random.nextBytes(r);
        long millis = clock.millis();
        ByteBuffer b = ByteBuffer.allocate(16);
        b.putShort((short) (millis >>> 32)).putInt((int) millis).put(r);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
