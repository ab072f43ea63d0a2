package dev.certa.core.path.revocation;

import java.math.BigInteger;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.TBSCertList;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.cert.X509CRLHolder;
import org.jspecify.annotations.Nullable;

/**
 * The RFC 5280 section 5.1 rules on a CRL's own form that decide whether it may be used at all: its
 * version, a nextUpdate (without one a CRL never goes stale), and times encoded as UTCTime through 2049.
 * These are the cases x509-limbo's pending CRL additions test; openssl and Go refuse such CRLs too.
 */
final class CrlForm {
    private static final int YEAR_GENERALIZED_TIME_STARTS = 2050;

    private CrlForm() {}

    /** Why {@code crl} must not be used, or empty when its form is sound. */
    static Optional<String> problem(X509CRLHolder crl) {
        TBSCertList tbs = crl.toASN1Structure().getTBSCertList();
        ASN1Integer version = tbs.getVersion();
        boolean hasExtensions = tbs.getExtensions() != null || hasEntryExtensions(tbs);
        if (version != null && !version.hasValue(1)) {
            return Optional.of("its version field is " + version.getValue() + ", but a CRL is v1 (field absent) or v2 (1)"
                    + " (RFC 5280 5.1.2.1)");
        }
        if (version == null && hasExtensions) {
            return Optional.of("it is a version 1 CRL with extensions, which only version 2 CRLs may carry (RFC 5280 5.1.2.1)");
        }
        if (tbs.getNextUpdate() == null) {
            return Optional.of("it has no nextUpdate, so it would never go stale; RFC 5280 5.1.2.5 requires one");
        }
        return generalizedTimeTooEarly("thisUpdate", tbs.getThisUpdate(), "5.1.2.4")
                .or(() -> generalizedTimeTooEarly("nextUpdate", tbs.getNextUpdate(), "5.1.2.5"));
    }

    /** As {@link #problem}, for the entry of the certificate checked (its revocationDate, RFC 5280 5.1.2.6). */
    static Optional<String> entryProblem(X509CRLHolder crl, BigInteger serial) {
        for (TBSCertList.CRLEntry e : crl.toASN1Structure().getTBSCertList().getRevokedCertificates()) {
            if (e.getUserCertificate().hasValue(serial)) {
                return generalizedTimeTooEarly("revocationDate of this certificate's entry", e.getRevocationDate(), "5.1.2.6");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> generalizedTimeTooEarly(String field, @Nullable Time t, String section) {
        if (t == null || !(t.toASN1Primitive() instanceof ASN1GeneralizedTime g)) {
            return Optional.empty();
        }
        int year = t.getDate().toInstant().atZone(java.time.ZoneOffset.UTC).getYear();
        if (year >= YEAR_GENERALIZED_TIME_STARTS) {
            return Optional.empty();
        }
        return Optional.of("its " + field + " (" + g.getTimeString() + ") is encoded as GeneralizedTime, but dates before 2050"
                + " must be UTCTime (RFC 5280 " + section + ")");
    }

    private static boolean hasEntryExtensions(TBSCertList tbs) {
        for (TBSCertList.CRLEntry e : tbs.getRevokedCertificates()) {
            if (e.hasExtensions()) {
                return true;
            }
        }
        return false;
    }
}
