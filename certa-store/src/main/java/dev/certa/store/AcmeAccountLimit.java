package dev.certa.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A rate limit a new ACME account must stay within, checked and the account stored in one step
 * ({@link AcmeLedger#createAccount(AcmeAccount, String, java.util.List)}), so that requests racing on any
 * node cannot together pass it: at most {@code max} accounts counted since {@code since}, the new one included.
 *
 * @param scope what is counted: the accounts made from one client address, or every new account
 * @param clientAddress the address counted by, for {@link Scope#CLIENT_ADDRESS}; empty for {@link Scope#ALL}
 */
public record AcmeAccountLimit(Scope scope, Optional<String> clientAddress, Instant since, long max) {
    public AcmeAccountLimit {
        Objects.requireNonNull(since, "since");
        if (clientAddress.isPresent() != (scope == Scope.CLIENT_ADDRESS)) {
            throw new IllegalArgumentException("a per-address limit names the address, the overall limit none");
        }
    }

    /** At most {@code max} new accounts from {@code clientAddress} since {@code since}. */
    public static AcmeAccountLimit perClientAddress(String clientAddress, Instant since, long max) {
        return new AcmeAccountLimit(Scope.CLIENT_ADDRESS, Optional.of(clientAddress), since, max);
    }

    /** At most {@code max} new accounts in all since {@code since}. */
    public static AcmeAccountLimit overall(Instant since, long max) {
        return new AcmeAccountLimit(Scope.ALL, Optional.empty(), since, max);
    }

    /** What an account limit counts. */
    public enum Scope {
        CLIENT_ADDRESS,
        ALL
    }

    /**
     * What {@link AcmeLedger#createAccount(AcmeAccount, String, java.util.List)} did: stored (or found) the
     * key's account, or refused a new one because it would go over a limit.
     */
    public sealed interface Outcome {}

    /**
     * The account stored for the key: the new one, or the one another request already made for it (which
     * counts against no limit).
     */
    public record Stored(AcmeAccount account) implements Outcome {}

    /**
     * A limit the new account would have gone over; nothing was stored.
     *
     * @param counted the accounts already counted against it, and when the oldest of them was made
     */
    public record Reached(AcmeAccountLimit limit, AcmeOrderCount counted) implements Outcome {}
}
