package dev.certa.server.ra;

import dev.certa.core.csr.Csr;
import dev.certa.core.error.CertaException;
import dev.certa.core.issue.IssuanceRequest;
import dev.certa.core.name.SubjectAltName;
import dev.certa.core.profile.Profile;
import dev.certa.core.issue.IssuedCertificate;
import dev.certa.server.audit.AuditEvent;
import dev.certa.server.audit.AuditLog;
import dev.certa.server.http.ProblemException;
import dev.certa.store.CertificateLedger;
import dev.certa.store.StoredCertificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Decides who may have which certificate, and is the one path by which the signing API issues: a
 * token's names against the CSR and the provisioner's limits, a renewal against the store; then it asks
 * the signer ({@link CertificateSigning}) for what it approved. It never holds the CA key.
 *
 * <p>Cheap checks come first: the front end has authenticated the token before the CSR is looked at; the
 * CSR's key is judged by size, exponent and curve ({@link CsrChecks#keyRefusal}), then its names and
 * subject, then the provisioner's limits; only then is the CSR's signature verified, under the server's
 * bound on expensive work. The certificate's subject and SANs come from the authorized names only
 * ({@link AuthorizedSubject}): a CSR's CN must be one of them, its other subject attributes are dropped.
 */
public final class RegistrationAuthority {
    private final CertificateLedger ledger;
    private final Clock clock;
    private final Duration renewAfterExpiry;
    private final CertificateSigning signing;
    private final CsrChecks csrs;
    private final AuditLog audit;

    public RegistrationAuthority(CertificateLedger ledger, Clock clock, Duration renewAfterExpiry, CertificateSigning signing,
            CsrChecks csrs, AuditLog audit) {
        this.ledger = ledger;
        this.clock = clock;
        this.renewAfterExpiry = renewAfterExpiry;
        this.signing = signing;
        this.csrs = csrs;
        this.audit = audit;
    }

    /**
     * Issues the certificate a verified token allows for {@code csr} (parsed, its signature not yet checked),
     * marking the token used; or a 400/401/403/503 problem saying why not.
     */
    public IssuedCertificate issue(VerifiedToken token, Csr csr, Optional<String> profileId, Optional<Duration> validity) {
        requireAcceptableKey(csr);
        IssuanceRequest approved;
        try {
            approved = forToken(token, csr, profileId, validity);
        } catch (ProblemException e) {
            audit.append(AuditEvent.refused(token.requester(), "issue", token.names(), e.problem().detail()));
            throw e;
        }
        requireValidSignature(csr);
        return signing.issue(approved, token.requester(), "issue", Optional.of(token)).orElseThrow(() -> {
            audit.append(AuditEvent.refused(token.requester(), "issue", token.names(), "token already used"));
            return TokenVerifier.replayed(token.tokenId());
        });
    }

    /**
     * Renews the certificate a client presented over mTLS: the same names, profile and lifetime, for the
     * same key or the key of {@code rekey} (a parsed CSR, its signature not yet checked). The subject is
     * rebuilt from the names recorded for that certificate, not copied from it.
     */
    public IssuedCertificate renew(List<X509Certificate> presented, Optional<Csr> rekey) {
        Renewal r = forRenewal(presented, rekey);
        if (rekey.isPresent()) {
            requireAcceptableKey(rekey.get());
            requireValidSignature(rekey.get());
        }
        return signing.issue(r.request(), r.requester(), "renew", Optional.empty()).orElseThrow();
    }

    private void requireAcceptableKey(Csr csr) {
        csrs.keyRefusal(csr).ifPresent(why -> {
            throw ProblemException.badRequest("bad-public-key", why);
        });
    }

    private void requireValidSignature(Csr csr) {
        if (!csrs.signatureValid(csr, () -> ProblemException.unavailable("busy", "the CA is checking too many requests at once; "
                + "retry in a second").retryAfter(CsrChecks.RETRY_AFTER))) {
            throw ProblemException.badRequest("bad-csr-signature", "the \"csr\" field: the CSR's signature does not verify (it was "
                    + "altered, or signed with another key); create the CSR again from the private key that belongs with it");
        }
    }

    /** What to sign for a verified token and its CSR, or a 403/400 problem saying why not. */
    IssuanceRequest forToken(VerifiedToken token, Csr csr, Optional<String> profileId, Optional<Duration> validity) {
        var limits = token.provisioner().config();
        List<SubjectAltName> tokenNames = token.names().stream().map(RegistrationAuthority::parseName).toList();
        Set<String> want = keys(tokenNames);
        List<SubjectAltName> csrNames = csrNames(csr);
        if (!csrNames.isEmpty() && !keys(csrNames).equals(want)) {
            throw ProblemException.forbidden("names-mismatch", "the CSR asks for " + String.join(", ", new TreeSet<>(keys(csrNames)))
                    + " but the token allows exactly " + String.join(", ", new TreeSet<>(want))
                    + "; mint a token for the CSR's names or make a CSR for the token's");
        }
        AuthorizedSubject.foreignCommonName(csr.subject(), tokenNames).ifPresent(cn -> {
            throw ProblemException.forbidden("names-mismatch", "the CSR's subject CN " + AuthorizedSubject.quoted(cn)
                    + " is not among the token's names (" + String.join(", ", new TreeSet<>(want)) + "); make the CSR with one of "
                    + "them as its CN, or with no CN (the certificate's subject is made from the token's names; other subject "
                    + "attributes such as O and OU are not copied)");
        });
        NamePolicy policy = new NamePolicy(limits.names());
        List<String> refused = tokenNames.stream().filter(n -> !policy.allows(n)).map(SubjectAltName::value).toList();
        if (!refused.isEmpty()) {
            throw ProblemException.forbidden("name-not-allowed", "provisioner '" + limits.name() + "' may not issue for "
                    + String.join(", ", refused) + "; it may issue for " + String.join(", ", limits.names()));
        }
        String profile = profileId.orElse("server").toLowerCase(Locale.ROOT);
        if (!limits.profiles().contains(profile)) {
            throw ProblemException.forbidden("profile-not-allowed", "provisioner '" + limits.name() + "' may not issue '" + profile
                    + "' certificates; it may issue " + String.join(", ", new TreeSet<>(limits.profiles())));
        }
        Duration v = validity.orElse(limits.maxValidity());
        if (v.compareTo(limits.maxValidity()) > 0) {
            throw ProblemException.forbidden("validity-too-long", "a validity of " + v.toHours() + " hours is over provisioner '"
                    + limits.name() + "''s limit of " + limits.maxValidity().toHours() + " hours");
        }
        Profile p;
        try {
            p = Profile.leaf(profile);
        } catch (CertaException e) {
            throw ProblemException.badRequest("bad-profile", e.reason());
        }
        return new IssuanceRequest(csr.publicKeyInfo(), AuthorizedSubject.of(tokenNames), tokenNames, p, Optional.of(v),
                Optional.empty());
    }

    private static List<SubjectAltName> csrNames(Csr csr) {
        try {
            return csr.subjectAltNames();
        } catch (CertaException e) {
            throw ProblemException.badRequest("malformed-csr", "the \"csr\" field: " + e.reason() + e.fix().map(f -> "; " + f).orElse(""));
        }
    }

    /**
     * What to sign when a client renews with the certificate it presented over mTLS: the same names,
     * profile and lifetime, for the same key or the key of {@code rekey}. Refused when the
     * certificate was not issued by this CA, is revoked, or has expired.
     */
    private Renewal forRenewal(List<X509Certificate> presented, Optional<Csr> rekey) {
        if (presented.isEmpty()) {
            throw ProblemException.unauthorized("client-certificate-required",
                    "renewal needs the current certificate as the TLS client certificate (mTLS); connect with --cert and --key");
        }
        X509Certificate leaf = presented.get(0);
        String serial = leaf.getSerialNumber().toString(16);
        StoredCertificate stored = ledger.find(leaf.getSerialNumber())
                .filter(s -> Arrays.equals(s.certificate().der(), encoded(leaf)))
                .orElseThrow(() -> ProblemException.forbidden("unknown-certificate", "the client certificate (serial " + serial
                        + ") was not issued by this CA; renew only certificates this CA issued, or get a new one with a token"));
        if (stored.isRevoked()) {
            throw ProblemException.forbidden("certificate-revoked", "the client certificate (serial " + serial + ") was revoked on "
                    + stored.revocation().get().revokedAt() + "; get a new one with a token");
        }
        Instant now = clock.instant();
        var rec = stored.certificate();
        if (now.isAfter(rec.notAfter().plus(renewAfterExpiry))) {
            throw ProblemException.forbidden("certificate-expired", "the client certificate (serial " + serial + ") expired on "
                    + rec.notAfter() + "; renew before expiry (at about 2/3 of its lifetime), or get a new one with a token");
        }
        if (now.isBefore(rec.notBefore())) {
            throw ProblemException.forbidden("certificate-not-yet-valid", "the client certificate is not valid before " + rec.notBefore());
        }
        SubjectPublicKeyInfo key = SubjectPublicKeyInfo.getInstance(leaf.getPublicKey().getEncoded());
        if (rekey.isPresent()) {
            key = rekey.get().publicKeyInfo();
        }
        List<SubjectAltName> names = rec.names().stream().map(n -> parseName(n.substring(n.indexOf(':') + 1))).toList();
        Duration lifetime = Duration.between(rec.notBefore(), rec.notAfter());
        IssuanceRequest request = new IssuanceRequest(key, AuthorizedSubject.of(names), names, Profile.leaf(rec.profile()),
                Optional.of(lifetime.minus(dev.certa.core.issue.Issuer.BACKDATE)), Optional.empty());
        return new Renewal(request, "mtls:" + serial, rec.names());
    }

    /** What the renewal will sign, and who asked. */
    private record Renewal(IssuanceRequest request, String requester, List<String> names) {}

    private static SubjectAltName parseName(String n) {
        try {
            return SubjectAltName.parse(n);
        } catch (CertaException e) {
            throw ProblemException.badRequest("bad-name", "'" + n + "' is not a DNS name or IP address: " + e.reason());
        }
    }

    private static Set<String> keys(List<SubjectAltName> names) {
        return names.stream().map(n -> n.value().toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static byte[] encoded(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw ProblemException.badRequest("bad-certificate", "the client certificate cannot be encoded");
        }
    }
}
