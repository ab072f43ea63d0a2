package dev.certa.core.issue;

import dev.certa.core.name.SubjectAltName;
import dev.certa.core.profile.Profile;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Everything CA-chosen and requester-supplied about a certificate before it is signed: what the
 * lints look at. Built by {@link Issuer#prepare}; never edited afterwards.
 *
 * @param requestedCa what a CSR asked for in basicConstraints, if it said (requester data, not trusted)
 * @param issuer facts about the issuing CA; empty for a self-signed certificate
 */
public record CertificateDraft(
        BigInteger serial,
        X500Name subject,
        X500Name issuerName,
        SubjectPublicKeyInfo subjectKey,
        Instant notBefore,
        Instant notAfter,
        Profile profile,
        List<SubjectAltName> subjectAltNames,
        Optional<Boolean> requestedCa,
        Optional<IssuerFacts> issuer) {

    public CertificateDraft {
        subjectAltNames = List.copyOf(subjectAltNames);
    }
}
