package dev.certa.core.revocation;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Signed OCSP responses kept for reuse: RFC 5019's "pre-produced responses". A response states a
 * certificate's status from {@code thisUpdate} to {@code nextUpdate} and carries no per-request data
 * unless the client sent a nonce, so one signature can answer every client that asks about the same
 * certificate until the status changes. That is what lets a responder send tens of thousands of
 * responses a second: the signature, not the lookup, is the expensive part.
 *
 * <p>Entries are keyed by the request's CertID bytes (a SHA-1 CertID and a SHA-256 CertID for the
 * same certificate are two entries) and grouped by serial number, so that
 * {@link #invalidate(BigInteger)} drops every response about one certificate at once.
 *
 * <p>Only answers about certificates the CA issued are kept ({@link OcspResponder} never caches an
 * "unknown"), so the cache grows with the certificates issued, not with what clients ask about.
 *
 * <p><b>The caller's duty:</b> whenever a serial's status changes in the store (revoked, put on hold,
 * released), it updates the
 * store <em>first</em> and then calls {@link #invalidate(BigInteger)}. A response being signed while
 * that happens is not cached: every invalidation bumps the {@link #generation() generation}, and a
 * response is kept only if the generation it read before looking up the status is still current
 * after it was stored. Serial numbers are not unique across CAs, so an invalidation may also drop
 * another CA's response for the same serial; that costs one signature, never a stale answer.
 *
 * <p>A response is reused until {@code refreshAt} (half-way between its thisUpdate and nextUpdate, set
 * by the responder), so clients always get one with plenty of validity left. The cache holds about
 * {@code maxSerials} serial numbers (concurrent writers may briefly exceed it by a few); beyond that
 * an arbitrary serial's responses make room. Give each {@link OcspResponder} its own cache: a hit is
 * served without asking again whether the responder serves the CertID's issuer.
 */
public final class OcspResponseCache {
    private final ConcurrentHashMap<BigInteger, Entry[]> bySerial = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final int maxSerials;

    /** A cache of the responses for at most {@code maxSerials} certificates; 0 caches nothing. */
    public OcspResponseCache(int maxSerials) {
        if (maxSerials < 0) {
            throw new IllegalArgumentException("maxSerials must not be negative: " + maxSerials);
        }
        this.maxSerials = maxSerials;
    }

    /** Drops every response about {@code serial}. Call it after the store has the serial's new status. */
    public void invalidate(BigInteger serial) {
        generation.incrementAndGet();
        bySerial.remove(serial);
    }

    /** Drops every response, e.g. after a bulk change in the store or a new responder key. */
    public void invalidateAll() {
        generation.incrementAndGet();
        bySerial.clear();
    }

    /** Grows with every invalidation: a response signed across a change of generation is not kept. */
    public long generation() {
        return generation.get();
    }

    /** How many serial numbers have responses cached. */
    public int size() {
        return bySerial.size();
    }

    /** A response for exactly {@code id} that may still be served at {@code now}, or null. */
    @Nullable Entry get(CertId id, Instant now) {
        Entry[] entries = bySerial.get(id.serial());
        if (entries == null) {
            return null;
        }
        byte[] key = id.derShared();
        for (Entry e : entries) {
            if (Arrays.equals(e.certId, key)) {
                return now.isBefore(e.refreshAt) ? e : null;
            }
        }
        return null;
    }

    /** Keeps {@code entry} unless an invalidation happened since {@code generationBefore} was read. */
    void put(CertId id, Entry entry, long generationBefore) {
        if (maxSerials == 0 || generation.get() != generationBefore) {
            return;
        }
        BigInteger serial = id.serial();
        if (bySerial.size() >= maxSerials && !bySerial.containsKey(serial)) {
            Iterator<BigInteger> victims = bySerial.keySet().iterator();
            if (victims.hasNext()) {
                bySerial.remove(victims.next());
            }
        }
        bySerial.compute(serial, (s, old) -> with(old, entry));
        if (generation.get() != generationBefore) {
            bySerial.computeIfPresent(serial, (s, now) -> without(now, entry));
        }
    }

    private static Entry[] with(Entry @Nullable [] old, Entry entry) {
        if (old == null) {
            return new Entry[] {entry};
        }
        for (int i = 0; i < old.length; i++) {
            if (Arrays.equals(old[i].certId, entry.certId)) {
                Entry[] copy = old.clone();
                copy[i] = entry;
                return copy;
            }
        }
        Entry[] grown = Arrays.copyOf(old, old.length + 1);
        grown[old.length] = entry;
        return grown;
    }

    private static Entry @Nullable [] without(Entry[] now, Entry entry) {
        Entry[] kept = Arrays.stream(now).filter(e -> e != entry).toArray(Entry[]::new);
        return kept.length == 0 ? null : kept;
    }

    /** One signed response: the bytes to send and the times the HTTP layer puts in its headers. */
    static final class Entry {
        final byte[] certId;
        final byte[] response;
        final Instant thisUpdate;
        final Instant nextUpdate;
        final Instant refreshAt;

        Entry(byte[] certId, byte[] response, Instant thisUpdate, Instant nextUpdate, Instant refreshAt) {
            this.certId = certId;
            this.response = response;
            this.thisUpdate = thisUpdate;
            this.nextUpdate = nextUpdate;
            this.refreshAt = refreshAt;
        }
    }
}
