package dev.certa.server.ra.acme;

import dev.certa.store.AcmeAccount;
import dev.certa.store.AcmeAuthorization;
import dev.certa.store.AcmeChallenge;
import dev.certa.store.AcmeLedger;
import dev.certa.store.AcmeStalledChallenge;
import dev.certa.store.AcmeStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes validations and finalizations whose node died. A challenge still processing long after its
 * validation started (longer than any validation, retries included, can take) is validated again: for
 * each, the one node whose compare-and-set on its start time wins takes it over, so it is validated by
 * one node, not by all. An order still processing as long after its finalization started (a finalization
 * waits at most for one CAA check, a validation's worth, then signs) is failed, and the certificate it
 * claimed to replace released: its certificate and its move to valid are one transaction, so it has none.
 * Every node sweeps both.
 */
public final class StalledValidations implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StalledValidations.class);
    private static final int BATCH = 100;
    private final AcmeLedger ledger;
    private final AcmeValidations validations;
    private final Clock clock;
    private final Duration stalledAfter;
    private final Function<String, String> accountUrl;
    private final ScheduledExecutorService timer;

    /**
     * @param stalledAfter how long after its start a validation counts as abandoned
     * @param accountUrl the URL of an account, by id (CAA's {@code accounturi})
     */
    public StalledValidations(AcmeLedger ledger, AcmeValidations validations, Clock clock, Duration stalledAfter,
            Function<String, String> accountUrl) {
        this.ledger = ledger;
        this.validations = validations;
        this.clock = clock;
        this.stalledAfter = stalledAfter;
        this.accountUrl = accountUrl;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("certa-acme-sweep").factory());
    }

    /** Sweeps every {@code interval} from now on, until closed. */
    public StalledValidations every(Duration interval) {
        timer.scheduleWithFixedDelay(this::sweepQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Takes over and validates again the stalled challenges this node wins, and fails stalled finalizations; returns how many. */
    public int sweep() {
        Instant now = clock.instant();
        int taken = 0;
        for (AcmeStalledChallenge s : ledger.stalledChallenges(now.minus(stalledAfter), BATCH)) {
            Optional<AcmeChallenge> c = ledger.challenge(s.challengeId());
            Optional<AcmeAuthorization> a = c.flatMap(x -> ledger.authorization(x.authorizationId()));
            Optional<AcmeAccount> account = a.flatMap(x -> ledger.account(x.accountId()));
            if (account.isEmpty() || !ledger.takeOverChallenge(s, now)) {
                continue;
            }
            taken++;
            if (!now.isBefore(a.get().expiresAt())) {
                ledger.updateChallenge(s.challengeId(), AcmeStatus.PROCESSING, AcmeStatus.INVALID, Optional.of(now), Optional.of(
                        Problems.json(AcmeError.MALFORMED, "the validation was interrupted and the authorization expired meanwhile;"
                                + " create a new order")));
                continue;
            }
            LOG.info("challenge {} was processing since {} with no outcome; validating it again", s.challengeId(),
                    s.processingSince().map(Instant::toString).orElse("before starts were recorded"));
            validations.validate(c.get(), a.get(), account.get(), accountUrl.apply(account.get().id()));
        }
        return taken + failStalledFinalizations(now);
    }

    private int failStalledFinalizations(Instant now) {
        int failed = 0;
        for (String orderId : ledger.stalledOrders(now.minus(stalledAfter), BATCH)) {
            if (ledger.failOrder(orderId, Problems.json(AcmeError.SERVER_INTERNAL, "the order's finalization was interrupted (the"
                    + " server finalizing it stopped) and no certificate was issued; create a new order"))) {
                LOG.info("order {} was processing for over {} with no certificate; it is now invalid", orderId, stalledAfter);
                failed++;
            }
        }
        return failed;
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warn("looking for stalled ACME validations and finalizations failed; trying again at the next sweep", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
