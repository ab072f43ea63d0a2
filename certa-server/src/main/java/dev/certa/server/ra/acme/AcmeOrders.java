package dev.certa.server.ra.acme;

import dev.certa.core.csr.Csr;
import dev.certa.core.error.CertaException;
import dev.certa.core.issue.IssuedCertificate;
import dev.certa.core.name.SubjectAltName;
import dev.certa.core.profile.Profile;
import dev.certa.server.va.ValidationOutcome;
import dev.certa.store.AcmeAccount;
import dev.certa.store.AcmeAuthorization;
import dev.certa.store.AcmeChallenge;
import dev.certa.store.AcmeLedger;
import dev.certa.store.AcmeOrder;
import dev.certa.store.AcmeOrderLimit;
import dev.certa.store.AcmeStatus;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orders: created with one authorization per identifier — the account's valid one for it when it is good
 * beyond the new order's lifetime ({@link AcmePolicy#authorizationReuse()}), else a fresh one offering http-01,
 * tls-alpn-01 and, for names, dns-01 (dns-01 only for a wildcard) — ready once every authorization is valid, finalized with a CSR
 * naming exactly the order's identifiers (checked by the {@link Finalizer}, cheapest check first), then issued through
 * {@link AcmeIssuance} for the order's identifiers only (recorded and
 * audited, requester = the account URL). CAA was checked when each challenge was validated; if that
 * is older than {@link AcmePolicy#caaRecheckAfter()} at finalization, it is checked again first. The
 * certificate gets the order's profile and, if asked, its notAfter. An order may say which certificate it
 * replaces (RFC 9773): the first such order finalized marks that certificate replaced, later ones are refused.
 */
public final class AcmeOrders {
    private static final Logger LOG = LoggerFactory.getLogger(AcmeOrders.class);
    private static final int MAX_IDENTIFIERS = 100;
    private final AcmeLedger ledger;
    private final Finalizer finalizer;
    private final Clock clock;
    private final Ids ids;
    private final AcmePolicy policy;
    private final CaaRecheck caa;
    private final OrderGate gate;

    public AcmeOrders(AcmeLedger ledger, Finalizer finalizer, CaaRecheck caa, Clock clock, SecureRandom random, AcmePolicy policy,
            OrderGate gate) {
        this.ledger = ledger;
        this.finalizer = finalizer;
        this.caa = caa;
        this.clock = clock;
        this.ids = new Ids(clock, random);
        this.policy = policy;
        this.gate = gate;
    }

    /** A {@code {type, value}} pair of a newOrder request. */
    public record Identifier(String type, String value) {}

    /**
     * A newOrder request.
     *
     * @param profile the profile asked for (the ACME profiles extension); empty: the default
     * @param replaces the ARI id of the certificate this order renews (RFC 9773 section 5), if any
     * @param notBefore the start of validity asked for (refused: certificates start when signed)
     * @param notAfter the end of validity asked for, if any
     */
    public record NewOrder(List<Identifier> identifiers, Optional<String> profile, Optional<String> replaces,
            Optional<Instant> notBefore, Optional<Instant> notAfter) {
        public NewOrder {
            identifiers = List.copyOf(identifiers);
        }
    }

    public OrderView create(AcmeAccount account, NewOrder request) {
        List<Identifier> requested = request.identifiers();
        if (requested.isEmpty() || requested.size() > MAX_IDENTIFIERS) {
            throw new AcmeException(AcmeError.MALFORMED, "an order names between 1 and " + MAX_IDENTIFIERS + " identifiers");
        }
        Set<String> names = gate.identifiers(requested);
        OrderGate.Admission admitted = gate.admit(account, names, request);
        Instant now = clock.instant();
        Instant expires = now.plus(policy.orderLifetime());
        List<AcmeAuthorization> authorizations = new ArrayList<>(); // the new ones, to store
        List<String> authorizationIds = new ArrayList<>(); // the order's, one per name, in the names' order
        boolean allReused = true;
        for (String name : names) {
            Optional<AcmeAuthorization> reusable = policy.authorizationReuse().isZero() ? Optional.empty()
                    : ledger.reusableAuthorization(account.id(), name, expires);
            if (reusable.isPresent()) {
                authorizationIds.add(reusable.get().id()); // proven before, good beyond this order: not asked again
                continue;
            }
            allReused = false;
            String authzId = ids.id();
            authorizationIds.add(authzId);
            List<AcmeChallenge> challenges = new ArrayList<>();
            if (!Identifiers.isWildcard(name)) {
                challenges.add(challenge(authzId, "http-01"));
                challenges.add(challenge(authzId, "tls-alpn-01"));
            }
            if (Identifiers.type(name).equals("dns")) {
                challenges.add(challenge(authzId, "dns-01"));
            }
            authorizations.add(new AcmeAuthorization(authzId, account.id(), name, AcmeStatus.PENDING, expires, now, challenges));
        }
        AcmeOrder order = new AcmeOrder(ids.id(), account.id(), AcmeStatus.PENDING, List.copyOf(names),
                List.copyOf(authorizationIds), expires, Optional.empty(), Optional.empty(), now,
                admitted.profile().name(), admitted.replaces(), admitted.notAfter());
        Optional<AcmeOrderLimit.Reached> over = ledger.createOrder(order, authorizations, admitted.registeredDomains(), admitted.limits());
        if (over.isPresent()) {
            throw gate.refuse(over.get());
        }
        return allReused ? view(order) : new OrderView(order, AcmeStatus.PENDING);
    }

    private AcmeChallenge challenge(String authzId, String type) {
        return new AcmeChallenge(ids.id(), authzId, type, ids.token(), AcmeStatus.PENDING, Optional.empty(), Optional.empty());
    }

    /** The account's order, or {@code unauthorized} (also for someone else's order: nothing is revealed). */
    public OrderView find(AcmeAccount account, String orderId) {
        return view(owned(account, orderId));
    }

    private AcmeOrder owned(AcmeAccount account, String orderId) {
        return ledger.order(orderId).filter(x -> x.accountId().equals(account.id()))
                .orElseThrow(() -> new AcmeException(AcmeError.UNAUTHORIZED, 404, "this account has no order " + orderId));
    }

    /** The account's authorization, with {@code expired} derived from the clock. */
    public AcmeAuthorization authorization(AcmeAccount account, String authzId) {
        AcmeAuthorization a = ledger.authorization(authzId).filter(x -> x.accountId().equals(account.id()))
                .orElseThrow(() -> new AcmeException(AcmeError.UNAUTHORIZED, 404, "this account has no authorization " + authzId));
        if (a.status() == AcmeStatus.PENDING && !clock.instant().isBefore(a.expiresAt())) {
            return new AcmeAuthorization(a.id(), a.accountId(), a.identifier(), AcmeStatus.EXPIRED, a.expiresAt(), a.createdAt(),
                    a.challenges());
        }
        return a;
    }

    /**
     * Deactivates the account's pending or valid authorization (RFC 8555 section 7.5.2), e.g. when it lost
     * the name: it is never reused for a new order, and the orders that depend on it become invalid, so
     * they cannot be finalized. Deactivating it again changes nothing.
     */
    public AcmeAuthorization deactivateAuthorization(AcmeAccount account, String authzId) {
        for (int attempt = 0; attempt < 3; attempt++) { // a validation may settle it meanwhile: then deactivate it as settled
            AcmeAuthorization a = authorization(account, authzId);
            if (a.status() == AcmeStatus.DEACTIVATED) {
                return a;
            }
            if (a.status() != AcmeStatus.PENDING && a.status() != AcmeStatus.VALID) {
                throw new AcmeException(AcmeError.MALFORMED, "the authorization is " + a.status().word()
                        + "; only a pending or valid authorization can be deactivated");
            }
            if (ledger.updateAuthorization(a.id(), a.status(), AcmeStatus.DEACTIVATED)) {
                return new AcmeAuthorization(a.id(), a.accountId(), a.identifier(), AcmeStatus.DEACTIVATED, a.expiresAt(), a.createdAt(),
                        a.challenges());
            }
        }
        throw new AcmeException(AcmeError.SERVER_INTERNAL, "the authorization kept changing while it was deactivated; try again");
    }

    OrderView view(AcmeOrder o) {
        return view(o, new ArrayList<>());
    }

    /** The order as a client sees it; {@code read} receives the authorizations read (all of them when it is ready). */
    private OrderView view(AcmeOrder o, List<AcmeAuthorization> read) {
        if (o.status() != AcmeStatus.PENDING) {
            return new OrderView(o, o.status());
        }
        if (!clock.instant().isBefore(o.expiresAt())) {
            return new OrderView(o, AcmeStatus.INVALID);
        }
        boolean allValid = true;
        for (String id : o.authorizationIds()) {
            Optional<AcmeAuthorization> a = ledger.authorization(id);
            a.ifPresent(read::add);
            AcmeStatus s = a.map(AcmeAuthorization::status).orElse(AcmeStatus.INVALID);
            if (s == AcmeStatus.INVALID || s == AcmeStatus.DEACTIVATED || s == AcmeStatus.REVOKED) {
                return new OrderView(o, AcmeStatus.INVALID);
            }
            allValid &= s == AcmeStatus.VALID;
        }
        return new OrderView(o, allValid ? AcmeStatus.READY : AcmeStatus.PENDING);
    }

    /**
     * Finalizes a ready order with the CSR {@code csrDer} gives: the CSR must name exactly the order's identifiers
     * (in its SANs; a common name, if any, must be one of them) and use a key other than the
     * account's. The order moves to processing (once, whichever node wins), is issued, and is valid.
     *
     * @param csrDer the CSR, asked for once the order is known to be the account's (so that a malformed
     *     request for another account's order is told only that the order does not exist)
     */
    public OrderView finalizeOrder(AcmeAccount account, String orderId, Supplier<byte[]> csrDer, PublicKey accountKey,
            String requester) {
        AcmeOrder owned = owned(account, orderId);
        byte[] der = csrDer.get();
        List<AcmeAuthorization> authorizations = new ArrayList<>();
        OrderView v = view(owned, authorizations);
        if (v.status() != AcmeStatus.READY) {
            throw new AcmeException(AcmeError.ORDER_NOT_READY, "the order is " + v.status().word()
                    + "; it can be finalized once every authorization is valid (it is then \"ready\")");
        }
        Csr csr = finalizer.accepted(der, v.order(), accountKey);
        List<SubjectAltName> names = v.order().identifiers().stream().map(Identifiers::san).toList();
        if (!ledger.startFinalizing(orderId, clock.instant())) {
            throw new AcmeException(AcmeError.ORDER_NOT_READY, "the order is already being finalized");
        }
        try {
            BigInteger serial = issue(v.order(), authorizations, csr, names, requester);
            AcmeOrder o = v.order();
            return new OrderView(new AcmeOrder(o.id(), o.accountId(), AcmeStatus.VALID, o.identifiers(), o.authorizationIds(),
                    o.expiresAt(), o.error(), Optional.of(serial), o.createdAt(), o.profile(), o.replaces(), o.notAfter()),
                    AcmeStatus.VALID);
        } catch (AcmeException e) {
            fail(orderId, e.error(), e.detail());
            throw e;
        } catch (RuntimeException e) {
            fail(orderId, AcmeError.SERVER_INTERNAL, "issuance failed; create a new order");
            throw e;
        }
    }

    /**
     * The one way a processing order ends with a certificate: checks that pass with time (CAA, the profile,
     * the certificate it replaces, its notAfter), then the certificate, recorded with the order's move to
     * valid in one transaction. Whatever it throws, {@link #fail} ends the order, unless it is valid by then.
     */
    private BigInteger issue(AcmeOrder order, List<AcmeAuthorization> authorizations, Csr csr, List<SubjectAltName> names,
            String requester) {
        String orderId = order.id();
        Optional<AcmeException> refused = recheckCaa(authorizations, requester);
        if (refused.isPresent()) {
            throw refused.get();
        }
        AcmeProfile profile = policy.find(order.profile()).orElseThrow(() -> new AcmeException(AcmeError.INVALID_PROFILE,
                "the order's profile '" + order.profile() + "' is no longer offered by this CA; create a new order"));
        Optional<CertId> replaced = order.replaces().map(CertId::parse);
        if (replaced.isPresent() && !ledger.claimReplacement(replaced.get().serial(), orderId)) {
            throw new AcmeException(AcmeError.ALREADY_REPLACED, "the certificate " + replaced.get()
                    + " this order replaces was replaced by another order meanwhile");
        }
        Duration validity = order.notAfter().map(t -> Duration.between(clock.instant(), t)).orElse(profile.validity());
        if (validity.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new AcmeException(AcmeError.MALFORMED, "the order's notAfter has (nearly) passed; create a new order");
        }
        Optional<IssuedCertificate> issued;
        try {
            issued = finalizer.issue(names, csr, Profile.leaf(profile.certaProfile()), validity, requester, orderId);
        } catch (CertaException e) {
            if (ledger.order(orderId).map(AcmeOrder::status).orElse(AcmeStatus.INVALID) == AcmeStatus.VALID) {
                throw e; // recorded with the order, then a later step (the audit log) failed: a server fault, the order stays valid
            }
            throw new AcmeException(AcmeError.BAD_CSR, "the CA refused to issue: " + e.reason());
        }
        return issued.orElseThrow(() -> new AcmeException(AcmeError.SERVER_INTERNAL, "the order took too long to finalize and"
                + " was failed meanwhile; create a new order")).certificate().getSerialNumber();
    }

    /**
     * Ends a processing order as invalid with {@code error}, releasing the certificate it claimed to replace
     * (one transaction); an order that got valid meanwhile stays valid, with its certificate.
     */
    private void fail(String orderId, AcmeError error, String detail) {
        try {
            if (!ledger.failOrder(orderId, Problems.json(error, detail))) {
                LOG.warn("order {} was no longer processing when its finalization failed ({}); it stays {}", orderId, detail,
                        ledger.order(orderId).map(o -> o.status().word()).orElse("unknown"));
            }
        } catch (RuntimeException e) { // the store is failing too: the order stays processing until a sweep fails it
            LOG.error("order {} could not be marked invalid after its finalization failed ({}): {}", orderId, detail, e.toString());
        }
    }

    /**
     * CAA again for each of a ready order's authorizations validated longer than the recheck window ago:
     * the first refusal, or empty when issuance may go on.
     */
    private Optional<AcmeException> recheckCaa(List<AcmeAuthorization> authorizations, String accountUri) {
        Instant now = clock.instant();
        for (AcmeAuthorization authorization : authorizations) {
            Optional<AcmeChallenge> proof = authorization.challenges().stream().filter(c -> c.status() == AcmeStatus.VALID).findFirst();
            if (proof.isEmpty()) {
                return Optional.of(new AcmeException(AcmeError.ORDER_NOT_READY, "an authorization of the order is not valid"));
            }
            Instant checked = proof.get().validatedAt().orElse(Instant.EPOCH);
            if (!now.isAfter(checked.plus(policy.caaRecheckAfter()))) {
                continue;
            }
            if (caa.recheck(authorization.identifier(), proof.get().type(), accountUri) instanceof ValidationOutcome.Invalid refused) {
                return Optional.of(new AcmeException(AcmeError.ofWord(refused.errorType()), "CAA was checked again because "
                        + Identifiers.value(authorization.identifier()) + " was validated over " + hours(policy.caaRecheckAfter())
                        + " ago, and " + refused.detail()));
            }
        }
        return Optional.empty();
    }

    private static String hours(Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
    }
}
