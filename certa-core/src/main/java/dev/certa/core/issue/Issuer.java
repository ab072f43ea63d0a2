package dev.certa.core.issue;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.key.Signer;
import dev.certa.core.lint.LintFinding;
import dev.certa.core.lint.Lints;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.name.SubjectAltName;
import java.io.IOException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x500.X500Name;
import org.jspecify.annotations.Nullable;

/**
 * Issues certificates in two steps, as Let's Encrypt's Boulder does: {@link #prepare} builds the
 * to-be-signed certificate and runs every lint; only the {@link PreparedCertificate} it returns can
 * be {@link #issue issued}. A lint error is an issuance error. Time and randomness are injected.
 *
 * <pre>{@code
 * Issuer issuer = new Issuer(Clock.systemUTC(), new SecureRandom());
 * IssuedCertificate leaf = issuer.issue(IssuanceRequest.fromCsr(csr, new Profile.TlsServer(), List.of()), ca);
 * }</pre>
 */
public final class Issuer {
    /** notBefore is set this far in the past so that clients with a slow clock accept a new certificate. */
    public static final Duration BACKDATE = Duration.ofMinutes(5);

    private final Clock clock;
    private final SecureRandom random;
    private final Lints lints;
    /** The CA this issuer signed for last, as read off its certificate: a CA issues many certificates in a row. */
    private volatile @Nullable IssuerView lastIssuer;

    public Issuer(Clock clock, SecureRandom random) {
        this(clock, random, Lints.defaults());
    }

    public Issuer(Clock clock, SecureRandom random, Lints lints) {
        this.clock = clock;
        this.random = random;
        this.lints = lints;
    }

    /** Prepares a certificate signed by {@code ca}. Throws {@link ErrorKind#LINT} if a lint fails. */
    public PreparedCertificate prepare(IssuanceRequest request, CertificateAuthority ca) {
        IssuerView view = lastIssuer;
        if (view == null || view.ca() != ca) {
            view = IssuerView.of(ca);
            lastIssuer = view;
        }
        return prepare(request, view.name(), view.nameDer(), Optional.of(view.facts()), view.authorityKeyId(),
                ca.signer(), view.chain(), ca.urls());
    }

    /** Prepares a self-signed certificate (a root CA, or a development leaf) signed by {@code self}. */
    public PreparedCertificate prepareSelfSigned(IssuanceRequest request, Signer self) {
        if (!java.util.Arrays.equals(derOf(request.subjectKey()), self.publicKey().getEncoded())) {
            throw new CertaException(ErrorKind.KEY_MISMATCH, "a self-signed certificate must be signed by its own key",
                    "sign with the private key of the request's public key");
        }
        byte[] ski = Extensions.keyIdentifier(request.subjectKey());
        X500Name subject = effectiveSubject(request, effectiveNames(request));
        return prepare(request, subject, derOf(subject), Optional.empty(), ski, self, List.of(), CaUrls.NONE);
    }

    /** Signs a prepared certificate. A prepared certificate can be issued once. */
    public IssuedCertificate issue(PreparedCertificate prepared) {
        if (!prepared.markUsed()) {
            throw new CertaException(ErrorKind.INTERNAL, "this prepared certificate was already issued",
                    "prepare a new certificate; serial numbers are never reused");
        }
        byte[] sig = prepared.signer().sign(prepared.tbs());
        byte[] der = CertificateDer.assemble(prepared.tbs(), prepared.signatureAlgorithm(), sig);
        CertificateDraft d = prepared.draft();
        return new IssuedCertificate(new EncodedCertificate(der, d.serial(), d.notBefore(), d.notAfter()),
                prepared.issuerChain(), prepared.warnings());
    }

    /** {@link #prepare} then {@link #issue}. */
    public IssuedCertificate issue(IssuanceRequest request, CertificateAuthority ca) {
        return issue(prepare(request, ca));
    }

    /** {@link #prepareSelfSigned} then {@link #issue}. */
    public IssuedCertificate issueSelfSigned(IssuanceRequest request, Signer self) {
        return issue(prepareSelfSigned(request, self));
    }

    private PreparedCertificate prepare(IssuanceRequest request, X500Name issuerName, byte[] issuerNameDer,
            Optional<IssuerFacts> issuer, byte[] authorityKeyId, Signer signer, List<X509Certificate> issuerChain,
            CaUrls urls) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Duration validity = request.validity().orElse(request.profile().defaultValidity());
        List<SubjectAltName> names = effectiveNames(request);
        CertificateDraft draft = new CertificateDraft(
                SerialNumbers.random(random),
                effectiveSubject(request, names),
                issuerName,
                request.subjectKey(),
                now.minus(BACKDATE),
                now.plus(validity),
                request.profile(),
                names,
                request.requestedCa(),
                issuer);
        List<LintFinding> findings = lints.run(draft);
        List<LintFinding> errors = findings.stream().filter(LintFinding::isError).toList();
        if (!errors.isEmpty()) {
            throw Lints.failure(errors);
        }
        try {
            byte[] signatureAlgorithm = signer.algorithmIdentifier().getEncoded(ASN1Encoding.DER);
            byte[] tbs = CertificateDer.tbsCertificate(draft.serial(), signatureAlgorithm, issuerNameDer,
                    draft.notBefore(), draft.notAfter(), derOf(draft.subject()), derOf(draft.subjectKey()),
                    Extensions.build(draft, authorityKeyId, urls));
            List<LintFinding> warnings = findings.stream().filter(f -> !f.isError()).toList();
            return new PreparedCertificate(draft, tbs, signatureAlgorithm, signer, issuerChain, warnings);
        } catch (IOException e) {
            throw new CertaException(ErrorKind.INTERNAL, "could not build the certificate", null, e);
        }
    }

    /**
     * The request's SANs, plus its common name when that is a host name (server profiles) or an email
     * address: clients match SANs only, so the CN must also be a SAN.
     */
    static List<SubjectAltName> effectiveNames(IssuanceRequest request) {
        List<SubjectAltName> names = new ArrayList<>(request.subjectAltNames());
        if (request.profile().isCa()) {
            return names;
        }
        DistinguishedNames.commonNameOf(request.subject()).ifPresent(cn -> {
            try {
                SubjectAltName asName = SubjectAltName.parse(cn);
                boolean wanted = request.profile().serverAuth() || asName.type() == SubjectAltName.Type.EMAIL;
                if (wanted && !names.contains(asName)) {
                    names.add(0, asName);
                }
            } catch (CertaException notAName) {
                // a client's CN such as "Alice Smith" names a person, not a host
            }
        });
        return names;
    }

    /**
     * An empty subject on a leaf gets the first DNS or IP name as its common name, for people reading it,
     * when that fits the 64 characters RFC 5280 allows a common name (ub-common-name); else it stays empty
     * and the names are in the SANs only.
     */
    private static X500Name effectiveSubject(IssuanceRequest request, List<SubjectAltName> names) {
        if (request.subject().getRDNs().length > 0 || request.profile().isCa()) {
            return request.subject();
        }
        return names.stream()
                .filter(n -> n.type() == SubjectAltName.Type.DNS || n.type() == SubjectAltName.Type.IP)
                .findFirst()
                .filter(n -> n.value().length() <= DistinguishedNames.MAX_COMMON_NAME)
                .map(n -> DistinguishedNames.commonName(n.value()))
                .orElse(request.subject());
    }

    private static byte[] derOf(org.bouncycastle.asn1.ASN1Object o) {
        try {
            return o.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
