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
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
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
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss", Locale.ROOT);
    private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);

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
        return prepare(request, view.name(), Optional.of(view.facts()), view.authorityKeyId(), ca.signer(),
                view.chain(), ca.urls());
    }

    /** Prepares a self-signed certificate (a root CA, or a development leaf) signed by {@code self}. */
    public PreparedCertificate prepareSelfSigned(IssuanceRequest request, Signer self) {
        if (!java.util.Arrays.equals(derOf(request.subjectKey()), self.publicKey().getEncoded())) {
            throw new CertaException(ErrorKind.KEY_MISMATCH, "a self-signed certificate must be signed by its own key",
                    "sign with the private key of the request's public key");
        }
        byte[] ski = Extensions.keyIdentifier(request.subjectKey());
        X500Name subject = effectiveSubject(request, effectiveNames(request));
        return prepare(request, subject, Optional.empty(), ski, self, List.of(), CaUrls.NONE);
    }

    /** Signs a prepared certificate. A prepared certificate can be issued once. */
    public IssuedCertificate issue(PreparedCertificate prepared) {
        if (!prepared.markUsed()) {
            throw new CertaException(ErrorKind.INTERNAL, "this prepared certificate was already issued",
                    "prepare a new certificate; serial numbers are never reused");
        }
        try {
            byte[] tbs = prepared.tbs().getEncoded(ASN1Encoding.DER);
            byte[] sig = prepared.signer().sign(tbs);
            byte[] der = CertificateDer.assemble(tbs, prepared.tbs().getSignature().getEncoded(ASN1Encoding.DER), sig);
            X509Certificate cert = CertificateDer.toJca(der);
            return new IssuedCertificate(cert, prepared.issuerChain(), prepared.warnings());
        } catch (IOException e) {
            throw new CertaException(ErrorKind.INTERNAL, "could not encode the certificate", null, e);
        }
    }

    /** {@link #prepare} then {@link #issue}. */
    public IssuedCertificate issue(IssuanceRequest request, CertificateAuthority ca) {
        return issue(prepare(request, ca));
    }

    /** {@link #prepareSelfSigned} then {@link #issue}. */
    public IssuedCertificate issueSelfSigned(IssuanceRequest request, Signer self) {
        return issue(prepareSelfSigned(request, self));
    }

    private PreparedCertificate prepare(IssuanceRequest request, X500Name issuerName, Optional<IssuerFacts> issuer,
            byte[] authorityKeyId, Signer signer, List<X509Certificate> issuerChain, CaUrls urls) {
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
            V3TBSCertificateGenerator g = new V3TBSCertificateGenerator();
            g.setSerialNumber(new ASN1Integer(draft.serial()));
            g.setSignature(signer.algorithmIdentifier());
            g.setIssuer(issuerName);
            g.setStartDate(time(draft.notBefore()));
            g.setEndDate(time(draft.notAfter()));
            g.setSubject(draft.subject());
            g.setSubjectPublicKeyInfo(draft.subjectKey());
            g.setExtensions(Extensions.build(draft, authorityKeyId, urls));
            TBSCertificate tbs = g.generateTBSCertificate();
            List<LintFinding> warnings = findings.stream().filter(f -> !f.isError()).toList();
            return new PreparedCertificate(draft, tbs, signer, issuerChain, warnings);
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

    /** An empty subject on a leaf gets the first DNS or IP name as its common name, for people reading it. */
    private static X500Name effectiveSubject(IssuanceRequest request, List<SubjectAltName> names) {
        if (request.subject().getRDNs().length > 0 || request.profile().isCa()) {
            return request.subject();
        }
        return names.stream()
                .filter(n -> n.type() == SubjectAltName.Type.DNS || n.type() == SubjectAltName.Type.IP)
                .findFirst()
                .map(n -> DistinguishedNames.commonName(n.value()))
                .orElse(request.subject());
    }

    /**
     * An X.509 Time, as {@code new Time(Date)} makes it (RFC 5280 §4.1.2.5: UTCTime for 1950–2049,
     * GeneralizedTime otherwise, whole seconds, "Z"), without the two SimpleDateFormat instances that
     * constructor builds and parses with on every call.
     */
    static Time time(Instant instant) {
        ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
        int year = utc.getYear();
        if (year < 1000 || year > 9999) {
            return new Time(Date.from(instant));
        }
        boolean utcTime = year >= 1950 && year <= 2049;
        String text = (utcTime ? UTC_TIME : GENERALIZED_TIME).format(utc) + "Z";
        byte[] der = new byte[2 + text.length()];
        der[0] = (byte) (utcTime ? BERTags.UTC_TIME : BERTags.GENERALIZED_TIME);
        der[1] = (byte) text.length();
        for (int i = 0; i < text.length(); i++) {
            der[2 + i] = (byte) text.charAt(i);
        }
        try {
            return Time.getInstance(ASN1Primitive.fromByteArray(der));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] derOf(SubjectPublicKeyInfo spki) {
        try {
            return spki.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
