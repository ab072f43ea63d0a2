package dev.certa.server.acme;

import dev.certa.store.AcmeLedger;
import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replay nonces that work across nodes. A nonce is {@code expiry ‖ 12 random bytes ‖ HMAC}, keyed with
 * a secret every node reads from the store: handing one out costs no database write (every ACME
 * response carries one), a forged or expired one is refused without a query, and a genuine one is
 * used once because redeeming inserts its id into a table whose primary key lets only the first
 * insert, on any node, win. Used ids are purged once past their expiry.
 */
public final class Nonces {
    private static final int RANDOM = 12;
    private static final int MAC = 16;
    private static final int LENGTH = 8 + RANDOM + MAC;
    private static final long PURGE_EVERY = 4096;
    private final AcmeLedger ledger;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration lifetime;
    private final SecretKeySpec key;
    private final AtomicLong redeemed = new AtomicLong();

    public Nonces(AcmeLedger ledger, Clock clock, SecureRandom random, Duration lifetime) {
        this.ledger = ledger;
        this.clock = clock;
        this.random = random;
        this.lifetime = lifetime;
        byte[] candidate = new byte[32];
        random.nextBytes(candidate);
        this.key = new SecretKeySpec(ledger.sharedSecret("acme-nonce-key", candidate), "HmacSHA256");
    }

    /** A fresh nonce. */
    public String next() {
        ByteBuffer b = ByteBuffer.allocate(LENGTH);
        b.putLong(clock.instant().plus(lifetime).getEpochSecond());
        byte[] r = new byte[RANDOM];
        random.nextBytes(r);
        b.put(r);
        b.put(mac(b.array(), 8 + RANDOM));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    /** Whether {@code nonce} was made by a node of this CA, has not expired, and was not used before (it is used now). */
    public boolean redeem(String nonce) {
        Optional<byte[]> raw = decode(nonce);
        if (raw.isEmpty()) {
            return false;
        }
        byte[] b = raw.get();
        if (!MessageDigest.isEqual(mac(b, 8 + RANDOM), Arrays.copyOfRange(b, 8 + RANDOM, LENGTH))) {
            return false;
        }
        Instant expires = Instant.ofEpochSecond(ByteBuffer.wrap(b).getLong());
        Instant now = clock.instant();
        if (!now.isBefore(expires)) {
            return false;
        }
        if (redeemed.incrementAndGet() % PURGE_EVERY == 0) {
            ledger.purgeNonces(now);
        }
        return ledger.redeemNonce(nonce, expires);
    }

    private static Optional<byte[]> decode(String nonce) {
        if (!nonce.matches("[A-Za-z0-9_-]{48}")) {
            return Optional.empty();
        }
        return Optional.of(Base64.getUrlDecoder().decode(nonce));
    }

    private byte[] mac(byte[] data, int length) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            m.update(data, 0, length);
            return Arrays.copyOf(m.doFinal(), MAC);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
