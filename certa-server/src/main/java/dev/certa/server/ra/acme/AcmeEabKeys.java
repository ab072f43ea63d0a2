package dev.certa.server.ra.acme;

import dev.certa.store.AcmeEabKey;
import dev.certa.store.AcmeLedger;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * External Account Binding keys (RFC 8555 section 7.3.4), as an admin hands them out: a key identifier
 * and a 256-bit MAC key, given to a subscriber out of band (e.g. with {@code certbot --eab-kid
 * --eab-hmac-key}). A newAccount request then carries a JWS MAC-ed with the key over the new account's
 * public key, which proves the account belongs to whoever got the key; each key binds one account.
 */
public final class AcmeEabKeys {
    private static final int KEY_BYTES = 32;
    private static final int MAX_LABEL = 200;
    private final AcmeLedger ledger;
    private final Clock clock;
    private final SecureRandom random;
    private final Ids ids;

    public AcmeEabKeys(AcmeLedger ledger, Clock clock, SecureRandom random) {
        this.ledger = ledger;
        this.clock = clock;
        this.random = random;
        this.ids = new Ids(clock, random);
    }

    /** A key just made: the only time its MAC key is shown. */
    public record Created(AcmeEabKey key, String hmacKeyBase64url) {}

    /** Makes and stores a new key; {@code label} says whom it is for. */
    public Created create(String label) {
        String l = label.strip();
        if (l.length() > MAX_LABEL || l.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a label is at most " + MAX_LABEL + " characters on one line");
        }
        byte[] mac = new byte[KEY_BYTES];
        random.nextBytes(mac);
        AcmeEabKey key = new AcmeEabKey(ids.id(), mac, l, clock.instant(), Optional.empty(), Optional.empty(), Optional.empty());
        ledger.createEabKey(key);
        return new Created(key, Base64.getUrlEncoder().withoutPadding().encodeToString(mac));
    }

    /** Every key, newest first, with the account each bound (MAC keys are not for showing). */
    public List<AcmeEabKey> list() {
        return ledger.eabKeys();
    }

    /**
     * Revokes a key: it binds no account from now on. The key as it is now; empty when there is no such key.
     * A key revoked before stays as it was.
     */
    public Optional<AcmeEabKey> revoke(String keyId) {
        ledger.revokeEabKey(keyId, clock.instant());
        return ledger.eabKey(keyId);
    }

    /** The key a client named, for checking its MAC. */
    public Optional<AcmeEabKey> find(String keyId) {
        return ledger.eabKey(keyId);
    }
}
