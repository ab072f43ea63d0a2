package dev.certa.server;

import dev.certa.server.acme.AcmeFrontEnd;
import dev.certa.server.audit.AuditLog;
import dev.certa.server.config.AcmeConfig;
import dev.certa.server.config.AcmePolicyConfig;
import dev.certa.server.http.Router;
import dev.certa.server.ra.CsrChecks;
import dev.certa.server.ra.acme.AcmeAccounts;
import dev.certa.server.ra.acme.AcmeCertificates;
import dev.certa.server.ra.acme.AcmeEabKeys;
import dev.certa.server.ra.acme.AcmeOrders;
import dev.certa.server.ra.acme.AcmePolicy;
import dev.certa.server.ra.acme.AcmeProfile;
import dev.certa.server.ra.acme.AcmeRa;
import dev.certa.server.ra.acme.Finalizer;
import dev.certa.server.ra.acme.AcmeRenewals;
import dev.certa.server.ra.acme.AcmeValidations;
import dev.certa.server.ra.acme.OrderGate;
import dev.certa.server.ra.acme.StalledValidations;
import dev.certa.server.revocation.RevocationService;
import dev.certa.server.signing.SigningService;
import dev.certa.server.va.ValidationAuthority;
import dev.certa.server.va.ValidationRetries;
import dev.certa.server.va.ValidationSettings;
import dev.certa.store.CertaStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Puts the ACME server together: front end → RA → (VA, signer through a one-method seam). Only here do
 * the RA and the signing service meet.
 */
final class AcmeWiring {
    private static final Duration ORDER_LIFETIME = Duration.ofDays(7);

    private AcmeWiring() {}

    /** The ACME server, started: its registration authority, and its validation authority to close at shutdown. */
    record Started(AcmeRa ra, ValidationAuthority va, StalledValidations sweep) {}

    /** Registers the ACME routes. */
    static Started register(AcmeConfig config, String httpsBase, CertaStore store, SigningService signing, CsrChecks csrChecks,
            RevocationService revocation, AuditLog audit, Router router, Clock clock, SecureRandom random) {
        ValidationAuthority va = new ValidationAuthority(ValidationSettings.defaults(config.http01Port(), config.tlsAlpn01Port(),
                config.resolver(), config.addresses(), config.caaIdentities()),
                new ValidationRetries(config.validationRetries(), config.validationRetryDelay()));
        AcmePolicyConfig rules = config.policy();
        AcmePolicy policy = new AcmePolicy(config.termsOfService(), ORDER_LIFETIME, rules.profiles().stream()
                .map(p -> AcmeProfile.tlsServer(p.name(), p.validity())).toList(), rules.eab(), rules.allowedNames(), rules.deniedNames(),
                rules.ordersPerAccount(), rules.ordersPerDomain(), config.caaIdentities(), config.caaRecheckAfter(),
                rules.authorizationReuse(), rules.newAccounts());
        List<X509Certificate> issuerChain = signing.caChain().stream()
                .filter(c -> !c.getSubjectX500Principal().equals(c.getIssuerX500Principal())).toList();
        AcmeRenewals renewals = new AcmeRenewals(store.acme(), store.certificates(), clock);
        AcmeValidations validations = new AcmeValidations(store.acme(), va, clock, policy);
        String acmeBase = config.baseUrl().orElse(httpsBase);
        AcmeRa ra = new AcmeRa(new AcmeAccounts(store.acme(), clock, random, policy, audit, id -> AcmeFrontEnd.accountUrl(acmeBase, id)),
                new AcmeOrders(store.acme(), new Finalizer((request, requester, orderId) -> signing.issue(request, requester,
                        "acme-issue", certificate -> store.acme().finishOrder(orderId, certificate)), csrChecks),
                        (identifier, method, account) -> va.recheckCaa(identifier, method, account).join(), clock, random, policy,
                        new OrderGate(policy, renewals, clock)),
                validations,
                new AcmeCertificates(store.acme(), store.certificates(), revocation, issuerChain, signing.caChain().stream()
                        .filter(c -> c.getSubjectX500Principal().equals(c.getIssuerX500Principal())).toList()),
                renewals, new AcmeEabKeys(store.acme(), clock, random));
        AcmeFrontEnd frontEnd = new AcmeFrontEnd(acmeBase, store.acme(), store.sharedByNodes(), ra, policy,
                clock, random);
        frontEnd.register(router);
        // a validation running longer than twice the longest it can take was abandoned by a node that died
        StalledValidations sweep = new StalledValidations(store.acme(), validations, clock, va.longestValidation().multipliedBy(2),
                frontEnd::accountUrl).every(config.validationSweepInterval());
        return new Started(ra, va, sweep);
    }
}
