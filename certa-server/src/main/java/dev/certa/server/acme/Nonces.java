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
 * Replay nonces. A nonce is {@code expiry ‖ 12 bytes ‖ HMAC}: handing one out costs no database write
 * (every ACME response carries one), and a forged or expired one is refused without a query. How a
 * genuine one is used only once depends on who else serves ACME from the same database:
 * <ul>
 *   <li>{@link #shared}: several nodes share the store. The key is a secret every node reads from it, the
 *       12 bytes are random, and redeeming inserts the nonce into a table whose primary key lets only the
 *       first insert, on any node, win. Used ids are purged once past their expiry.
 *   <li>{@link #local}: this process alone uses the store (SQLite). The key is made at start, so nonces
 *       from before a restart are refused as not this CA's; the 12 bytes begin with a counter, and a
 *       sliding window of the last {@value #WINDOW} counters remembers in memory which were used.
 *       Redeeming costs no write and no disk flush. A nonce that has fallen {@value #WINDOW} behind the
 *       newest one redeemed is refused as too old, like an expired one: the client gets {@code badNonce}
 *       with a fresh nonce and retries (RFC 8555, section 6.5), as Boulder's clients do.
 * </ul>
 */
public final class Nonces {
    /** How many of the most recent counters {@link #local} nonces remember (128 KiB of bits). */
    static final int WINDOW = 1 << 20;
    private static final int MIDDLE = 12;
    private static final int MAC = 16;
    private static final int LENGTH = 8 + MIDDLE + MAC;
    private static final long PURGE_EVERY = 4096;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration lifetime;
    private final SecretKeySpec key;
    private final Used used;

    /** Remembers which genuine, unexpired nonces were redeemed. */
    private interface Used {
        /** Fills the 12 middle bytes of a new nonce. */
        void fill(ByteBuffer middle, SecureRandom random);

        /** True the first time this nonce (whose middle bytes start at offset 8 of {@code raw}) is redeemed. */
        boolean firstUse(String nonce, byte[] raw, Instant expires, Instant now);
    }

    private Nonces(Clock clock, SecureRandom random, Duration lifetime, byte[] key, Used used) {
        this.clock = clock;
        this.random = random;
        this.lifetime = lifetime;
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.used = used;
    }

    /** Nonces for a store that several nodes share: good on any of them, once. */
    public static Nonces shared(AcmeLedger ledger, Clock clock, SecureRandom random, Duration lifetime) {
        byte[] candidate = new byte[32];
        random.nextBytes(candidate);
        return new Nonces(clock, random, lifetime, ledger.sharedSecret("acme-nonce-key", candidate), new InStore(ledger));
    }

    /** Nonces for a store this process alone uses: remembered in memory, refused after a restart. */
    public static Nonces local(Clock clock, SecureRandom random, Duration lifetime) {
        return local(clock, random, lifetime, WINDOW);
    }

    /** {@link #local} remembering the last {@code window} counters (a power of two, at least 64). */
    static Nonces local(Clock clock, SecureRandom random, Duration lifetime, int window) {
        if (window < 64 || Integer.bitCount(window) != 1) {
            throw new IllegalArgumentException("the window must be a power of two of at least 64, not " + window);
        }
        byte[] key = new byte[32];
        random.nextBytes(key);
        return new Nonces(clock, random, lifetime, key, new InMemory(window));
    }

    /** A fresh nonce. */
    public String next() {
        ByteBuffer b = ByteBuffer.allocate(LENGTH);
        b.putLong(clock.instant().plus(lifetime).getEpochSecond());
        used.fill(b, random);
        b.put(mac(b.array(), 8 + MIDDLE));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    /** Whether {@code nonce} was made by this CA, has not expired, and was not used before (it is used now). */
    public boolean redeem(String nonce) {
        Optional<byte[]> raw = decode(nonce);
        if (raw.isEmpty()) {
            return false;
        }
        byte[] b = raw.get();
        if (!MessageDigest.isEqual(mac(b, 8 + MIDDLE), Arrays.copyOfRange(b, 8 + MIDDLE, LENGTH))) {
            return false;
        }
        Instant expires = Instant.ofEpochSecond(ByteBuffer.wrap(b).getLong());
        Instant now = clock.instant();
        if (!now.isBefore(expires)) {
            return false;
        }
        return used.firstUse(nonce, b, expires, now);
    }

    private static Optional<byte[]> decode(String nonce) {
        if (nonce.length() != 48) {
            return Optional.empty();
        }
        for (int i = 0; i < nonce.length(); i++) {
            char c = nonce.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return Optional.empty();
            }
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

    /** Used nonces in the shared store: the first insert of an id, on any node, wins. */
    private static final class InStore implements Used {
        private final AcmeLedger ledger;
        private final AtomicLong redeemed = new AtomicLong();

        InStore(AcmeLedger ledger) {
            this.ledger = ledger;
        }

        @Override
        public void fill(ByteBuffer middle, SecureRandom random) {
            byte[] r = new byte[MIDDLE];
            random.nextBytes(r);
            middle.put(r);
        }

        @Override
        public boolean firstUse(String nonce, byte[] raw, Instant expires, Instant now) {
            if (redeemed.incrementAndGet() % PURGE_EVERY == 0) {
                ledger.purgeNonces(now);
            }
            return ledger.redeemNonce(nonce, expires);
        }
    }

    /**
     * Used nonces in memory, by counter: a ring of {@code window} bits over the counters
     * {@code [floor, floor + window)}. Redeeming a counter beyond the window slides it forward, forgetting
     * (and from then on refusing) the oldest.
     */
    private static final class InMemory implements Used {
        private final AtomicLong issued = new AtomicLong();
        private final int window;
        private final long[] bits;
        private long floor = 1;

        InMemory(int window) {
            this.window = window;
            this.bits = new long[window / 64];
        }

        @Override
        public void fill(ByteBuffer middle, SecureRandom random) {
            middle.putLong(issued.incrementAndGet());
            middle.putInt(random.nextInt());
        }

        @Override
        public synchronized boolean firstUse(String nonce, byte[] raw, Instant expires, Instant now) {
            long counter = ByteBuffer.wrap(raw, 8, 8).getLong();
            if (counter < floor) {
                return false;
            }
            if (counter >= floor + window) {
                slideTo(counter - window + 1);
            }
            int slot = (int) (counter & (window - 1));
            long mask = 1L << (slot & 63);
            if ((bits[slot >>> 6] & mask) != 0) {
                return false;
            }
            bits[slot >>> 6] |= mask;
            return true;
        }

        private void slideTo(long newFloor) {
            if (newFloor - floor >= window) {
                Arrays.fill(bits, 0);
            } else {
                for (long c = floor; c < newFloor; c++) {
                    int slot = (int) (c & (window - 1));
                    bits[slot >>> 6] &= ~(1L << (slot & 63));
                }
            }
            floor = newFloor;
        }
    }
}
