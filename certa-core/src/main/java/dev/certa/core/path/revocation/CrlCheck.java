package dev.certa.core.path.revocation;

import dev.certa.core.fetch.CertificateUrls;
import dev.certa.core.revocation.ClockSkew;
import java.io.IOException;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * One CRL judged for one certificate (RFC 5280 6.3, for complete, direct CRLs): is it from the
 * certificate's issuer, signed by the issuer's key, of a form RFC 5280 allows ({@link CrlForm}), fresh at the
 * validation instant (within {@link ClockSkew#REVOCATION_TIMES}), free of critical
 * extensions certa does not understand, in scope for this certificate (issuing distribution point) and
 * does it list the certificate's serial?
 */
final class CrlCheck {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final Set<ASN1ObjectIdentifier> UNDERSTOOD = Set.of(Extension.authorityKeyIdentifier, Extension.cRLNumber,
            Extension.issuingDistributionPoint, Extension.issuerAlternativeName, Extension.authorityInfoAccess, Extension.freshestCRL,
            Extension.expiredCertsOnCRL);
    private static final Set<ASN1ObjectIdentifier> ENTRY_UNDERSTOOD = Set.of(Extension.reasonCode, Extension.invalidityDate,
            Extension.certificateIssuer);
    private static final int CRL_SIGN = 6;
    /** CRL times may be this far off the instant checked (the CA's clock and ours differ), as for OCSP. */
    private static final Duration SKEW = ClockSkew.REVOCATION_TIMES;

    private CrlCheck() {}

    /** True when {@code crl} is issued under the name of {@code cert}'s issuer. */
    static boolean fromIssuerOf(Crl crl, X509Certificate cert) {
        try {
            return new X500Principal(crl.crl().getIssuer().getEncoded()).equals(cert.getIssuerX500Principal());
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** What {@code crl} says about {@code cert}; empty when it is not from the certificate's issuer. */
    static Optional<Outcome> check(Crl crl, X509Certificate cert, X509Certificate issuer, Instant at) {
        if (!fromIssuerOf(crl, cert)) {
            return Optional.empty();
        }
        X509CRLHolder h = crl.crl();
        String source = "the CRL " + crl.source();
        String issuerName = "'" + issuer.getSubjectX500Principal().getName() + "'";
        boolean[] ku = issuer.getKeyUsage();
        if (ku != null && (ku.length <= CRL_SIGN || !ku[CRL_SIGN])) {
            return Optional.of(new Outcome.Unusable(source, "its issuer " + issuerName + " may not sign CRLs: the issuer's key usage lacks cRLSign",
                    "have the CA certificate re-issued with cRLSign in its key usage, or check revocation with OCSP"));
        }
        if (!signedBy(h, issuer)) {
            return Optional.of(new Outcome.Unusable(source, "its signature does not verify with the key of " + issuerName
                    + ": it was signed by another key, or altered", "use the CRL the CA itself published (at the certificate's CRL distribution point)"));
        }
        for (ASN1ObjectIdentifier oid : critical(h)) {
            if (oid.equals(Extension.deltaCRLIndicator)) {
                return Optional.of(new Outcome.Unusable(source, "it is a delta CRL, which certa does not apply", "pass the CA's complete CRL"));
            }
            if (!UNDERSTOOD.contains(oid)) {
                return Optional.of(new Outcome.Unusable(source, "it carries a critical extension certa does not understand (" + oid + ")",
                        "use a CRL without that extension, or check revocation with OCSP"));
            }
        }
        Extension number = h.getExtension(Extension.cRLNumber);
        if (number == null) {
            return Optional.of(new Outcome.Unusable(source, "it has no CRL number, which RFC 5280 5.2.3 requires",
                    "have the CA issue its CRLs with a CRL number (openssl ca: set 'crlnumber' in its configuration)"));
        }
        if (number.isCritical()) {
            return Optional.of(new Outcome.Unusable(source, "its CRL number extension is marked critical, which RFC 5280 5.2.3 forbids",
                    "have the CA re-issue the CRL with a non-critical CRL number"));
        }
        Optional<String> malformed = CrlForm.problem(h);
        if (malformed.isPresent()) {
            return Optional.of(new Outcome.Unusable(source, malformed.get(), "have the CA issue a CRL that follows RFC 5280, or check"
                    + " revocation with OCSP"));
        }
        Instant thisUpdate = h.getThisUpdate().toInstant();
        if (thisUpdate.isAfter(at.plus(SKEW))) {
            return Optional.of(new Outcome.Unusable(source, "it was issued (thisUpdate " + TIME.format(thisUpdate)
                    + ") more than " + SKEW.toMinutes() + " minutes after the instant checked, " + TIME.format(at),
                    "check the clock, or the instant given with --at"));
        }
        if (h.getNextUpdate().toInstant().isBefore(at.minus(SKEW))) {
            return Optional.of(new Outcome.Unusable(source, "it is stale: its nextUpdate, " + TIME.format(h.getNextUpdate().toInstant())
                    + ", has passed, so a newer CRL should exist", "get the CA's current CRL (--crl-fetch fetches it from the "
                    + "certificate's CRL distribution point)"));
        }
        Optional<String> outOfScope = scope(h, cert);
        X509CRLEntryHolder entry = h.getRevokedCertificate(cert.getSerialNumber());
        if (entry == null) {
            return Optional.of(outOfScope.<Outcome>map(why -> new Outcome.OutOfScope(source, why))
                    .orElse(new Outcome.Good(source, "not listed in " + source + " (thisUpdate " + TIME.format(thisUpdate) + ")")));
        }
        Optional<String> badEntry = CrlForm.entryProblem(h, cert.getSerialNumber());
        if (badEntry.isPresent()) {
            return Optional.of(new Outcome.Unusable(source, badEntry.get(), "have the CA issue a CRL that follows RFC 5280"));
        }
        for (Object o : entry.getCriticalExtensionOIDs()) {
            if (!ENTRY_UNDERSTOOD.contains((ASN1ObjectIdentifier) o)) {
                return Optional.of(new Outcome.Unusable(source, "its entry for this certificate carries a critical extension certa does not"
                        + " understand (" + o + ")", "check revocation with OCSP"));
            }
        }
        Optional<String> reason = Optional.empty();
        Extension r = entry.getExtension(Extension.reasonCode);
        if (r != null) {
            int code = CRLReason.getInstance(r.getParsedValue()).getValue().intValue();
            if (code == Reasons.REMOVE_FROM_CRL) {
                return Optional.of(new Outcome.Good(source, "listed with reason removeFromCRL (no longer revoked) in " + source));
            }
            reason = Optional.of(Reasons.name(code));
        }
        return Optional.of(new Outcome.Revoked(source, entry.getRevocationDate().toInstant(), reason));
    }

    private static boolean signedBy(X509CRLHolder h, X509Certificate issuer) {
        try {
            return h.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer.getPublicKey()));
        } catch (Exception e) {
            return false;
        }
    }

    private static Set<ASN1ObjectIdentifier> critical(X509CRLHolder h) {
        Set<ASN1ObjectIdentifier> out = new HashSet<>();
        for (Object o : h.getCriticalExtensionOIDs()) {
            out.add((ASN1ObjectIdentifier) o);
        }
        return out;
    }

    /** Why the CRL does not cover {@code cert} (issuing distribution point, RFC 5280 5.2.5), or empty when it does. */
    private static Optional<String> scope(X509CRLHolder h, X509Certificate cert) {
        Extension e = h.getExtension(Extension.issuingDistributionPoint);
        if (e == null) {
            return Optional.empty();
        }
        IssuingDistributionPoint idp;
        try {
            idp = IssuingDistributionPoint.getInstance(e.getParsedValue());
        } catch (RuntimeException malformed) {
            return Optional.of("its issuing distribution point extension is malformed");
        }
        boolean ca = cert.getBasicConstraints() >= 0;
        if (idp.onlyContainsUserCerts() && ca) {
            return Optional.of("it covers only end-entity certificates, and this is a CA");
        }
        if (idp.onlyContainsCACerts() && !ca) {
            return Optional.of("it covers only CA certificates, and this is an end-entity certificate");
        }
        if (idp.onlyContainsAttributeCerts()) {
            return Optional.of("it covers only attribute certificates");
        }
        if (idp.isIndirectCRL()) {
            return Optional.of("it is an indirect CRL, which certa does not use");
        }
        if (idp.getOnlySomeReasons() != null) {
            return Optional.of("it covers only some revocation reasons");
        }
        DistributionPointName dp = idp.getDistributionPoint();
        List<URI> certPoints = CertificateUrls.crlDistributionPoints(cert);
        if (dp != null && dp.getType() == DistributionPointName.FULL_NAME && !certPoints.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (GeneralName g : GeneralNames.getInstance(dp.getName()).getNames()) {
                if (g.getTagNo() == GeneralName.uniformResourceIdentifier) {
                    names.add(((ASN1String) g.getName()).getString());
                }
            }
            if (certPoints.stream().noneMatch(u -> names.contains(u.toString()))) {
                return Optional.of("its distribution point (" + String.join(", ", names) + ") is not one the certificate names");
            }
        }
        return Optional.empty();
    }
}
