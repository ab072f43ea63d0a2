package dev.certa.server.ra.acme;

import dev.certa.server.va.ValidationAuthority;
import dev.certa.server.va.ValidationOutcome;
import dev.certa.server.va.ValidationRequest;
import dev.certa.store.AcmeAccount;
import dev.certa.store.AcmeAuthorization;
import dev.certa.store.AcmeChallenge;
import dev.certa.store.AcmeLedger;
import dev.certa.store.AcmeStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client's "ready, check it now" for a challenge: the challenge moves to processing (once, whichever
 * node wins), the validation authority checks in the background (the challenge, then CAA), and its
 * outcome moves the challenge and its authorization to valid or invalid. The request that asked
 * returns at once. While a failure that may pass is tried again, the challenge stays processing and
 * shows that failure as its {@code error} (RFC 8555 section 8.2). When a validation started is
 * recorded, so that another node can take over one whose node died ({@link StalledValidations}). A valid challenge's {@code validatedAt} is also when CAA was last checked for it
 * ({@link AcmeOrders} checks again before issuing if that is too long ago).
 */
public final class AcmeValidations {
    private static final Logger LOG = LoggerFactory.getLogger(AcmeValidations.class);
    private final AcmeLedger ledger;
    private final ValidationAuthority va;
    private final Clock clock;
    private final AcmePolicy policy;

    public AcmeValidations(AcmeLedger ledger, ValidationAuthority va, Clock clock, AcmePolicy policy) {
        this.ledger = ledger;
        this.va = va;
        this.clock = clock;
        this.policy = policy;
    }

    /** A challenge together with the authorization it belongs to. */
    public record ChallengeView(AcmeChallenge challenge, AcmeAuthorization authorization) {}

    public ChallengeView find(AcmeAccount account, String challengeId) {
        AcmeAuthorization a = ledger.authorizationOfChallenge(challengeId).filter(x -> x.accountId().equals(account.id()))
                .orElseThrow(() -> new AcmeException(AcmeError.UNAUTHORIZED, 404, "this account has no challenge " + challengeId));
        AcmeChallenge c = a.challenges().stream().filter(x -> x.id().equals(challengeId)).findFirst()
                .orElseThrow(() -> new AcmeException(AcmeError.UNAUTHORIZED, 404, "this account has no challenge " + challengeId));
        return new ChallengeView(c, a);
    }

    /**
     * Starts validating {@code challengeId} unless it already was; returns the challenge as it is now.
     *
     * @param accountUrl the account's URL, which CAA records may name ({@code accounturi}, RFC 8657)
     */
    public ChallengeView respond(AcmeAccount account, String challengeId, String accountUrl) {
        ChallengeView v = find(account, challengeId);
        AcmeChallenge c = v.challenge();
        AcmeAuthorization a = v.authorization();
        if (c.status() != AcmeStatus.PENDING || a.status() != AcmeStatus.PENDING) {
            return v; // answered before, or the authorization is settled: nothing to start
        }
        if (!clock.instant().isBefore(a.expiresAt())) {
            throw new AcmeException(AcmeError.MALFORMED, "the authorization has expired; create a new order");
        }
        if (!ledger.startChallenge(c.id(), clock.instant())) {
            return find(account, challengeId);
        }
        validate(c, a, account, accountUrl);
        // as it was when validation started (a client polls the authorization for the outcome)
        return new ChallengeView(new AcmeChallenge(c.id(), c.authorizationId(), c.type(), c.token(), AcmeStatus.PROCESSING,
                c.validatedAt(), c.error()), a);
    }

    /** How long a client should wait before asking about a processing challenge again. */
    public Duration retryAfter(ChallengeView v) {
        Duration delay = va.retryDelay();
        return v.challenge().error().isPresent() && delay.compareTo(Duration.ofSeconds(1)) > 0 ? delay : Duration.ofSeconds(1);
    }

    /** Validates a processing challenge (trying again after failures that may pass) and records the outcome. */
    void validate(AcmeChallenge c, AcmeAuthorization a, AcmeAccount account, String accountUrl) {
        String keyAuthorization = c.token() + "." + account.keyThumbprint();
        va.validate(new ValidationRequest(c.type(), a.identifier(), c.token(), keyAuthorization, accountUrl), (failure, attempt) ->
                ledger.updateChallenge(c.id(), AcmeStatus.PROCESSING, AcmeStatus.PROCESSING, Optional.empty(),
                        Optional.of(Problems.json(AcmeError.ofWord(failure.errorType()), failure.detail()))))
                .thenAccept(outcome -> record(c, a, outcome))
                .exceptionally(e -> {
                    LOG.error("recording the validation of challenge {} failed", c.id(), e);
                    return null;
                });
    }

    private void record(AcmeChallenge c, AcmeAuthorization a, ValidationOutcome outcome) {
        switch (outcome) {
            case ValidationOutcome.Valid valid -> {
                Instant now = clock.instant();
                // valid for the reuse period (new orders of the account skip the proof), never less than asked before
                Instant reusableUntil = now.plus(policy.authorizationReuse());
                ledger.validateChallenge(c.id(), a.id(), now, reusableUntil.isAfter(a.expiresAt()) ? reusableUntil : a.expiresAt());
            }
            case ValidationOutcome.Invalid invalid -> {
                String error = Problems.json(AcmeError.ofWord(invalid.errorType()), invalid.detail());
                ledger.updateChallenge(c.id(), AcmeStatus.PROCESSING, AcmeStatus.INVALID, Optional.of(clock.instant()),
                        Optional.of(error));
                ledger.updateAuthorization(a.id(), AcmeStatus.PENDING, AcmeStatus.INVALID);
            }
        }
    }
}
