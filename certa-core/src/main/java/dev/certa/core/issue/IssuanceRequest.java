package dev.certa.core.issue;

import dev.certa.core.csr.Csr;
import dev.certa.core.name.SubjectAltName;
import dev.certa.core.profile.Profile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * What is asked for: whose key, which subject and names, which profile, for how long. Requester
 * data (from a CSR) and CA choices (profile, validity) are kept apart; the issuer and its lints
 * decide what actually goes into the certificate.
 *
 * @param validity how long the certificate is valid from now; empty means the profile's default
 * @param requestedCa what a CSR asked for in basicConstraints, if anything
 */
public record IssuanceRequest(
        SubjectPublicKeyInfo subjectKey,
        X500Name subject,
        List<SubjectAltName> subjectAltNames,
        Profile profile,
        Optional<Duration> validity,
        Optional<Boolean> requestedCa) {

    public IssuanceRequest {
        subjectAltNames = List.copyOf(new LinkedHashSet<>(subjectAltNames));
    }

    /** A request for a key the caller holds (no CSR). */
    public static IssuanceRequest forKey(
            java.security.PublicKey key, X500Name subject, List<SubjectAltName> sans, Profile profile) {
        return new IssuanceRequest(SubjectPublicKeyInfo.getInstance(key.getEncoded()), subject, sans, profile,
                Optional.empty(), Optional.empty());
    }

    /**
     * A request from a CSR whose signature the caller has verified ({@link Csr#requireValidSignature}).
     * {@code extraNames} are added to the CSR's own SANs.
     */
    public static IssuanceRequest fromCsr(Csr csr, Profile profile, List<SubjectAltName> extraNames) {
        List<SubjectAltName> names = new ArrayList<>(csr.subjectAltNames());
        names.addAll(extraNames);
        return new IssuanceRequest(csr.publicKeyInfo(), csr.subject(), names, profile, Optional.empty(),
                csr.requestsCa());
    }

    public IssuanceRequest withValidity(Duration v) {
        return new IssuanceRequest(subjectKey, subject, subjectAltNames, profile, Optional.of(v), requestedCa);
    }

    public IssuanceRequest withSubject(X500Name s) {
        return new IssuanceRequest(subjectKey, s, subjectAltNames, profile, validity, requestedCa);
    }
}
