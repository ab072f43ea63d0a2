package dev.certa.core.issue;

import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;

/**
 * A certificate as DER, with its JDK {@link X509Certificate} view made only when asked for: a CA that
 * hands out PEM never needs the parsed object, and parsing costs about a tenth of an issuance.
 */
public final class EncodedCertificate {
    private final byte[] der;
    private volatile X509Certificate parsed;
    /** Known without parsing when the issuer made it (else null, then read from the parsed view). */
    private final BigInteger serial;
    private final Instant notBefore;
    private final Instant notAfter;

    EncodedCertificate(byte[] der) {
        this(der, null, null, null);
    }

    /** A certificate just signed from a draft, whose serial and validity are known without parsing it. */
    EncodedCertificate(byte[] der, BigInteger serial, Instant notBefore, Instant notAfter) {
        this.der = der;
        this.serial = serial;
        this.notBefore = notBefore;
        this.notAfter = notAfter;
    }

    static EncodedCertificate of(X509Certificate certificate) {
        try {
            EncodedCertificate e = new EncodedCertificate(certificate.getEncoded());
            e.parsed = certificate;
            return e;
        } catch (CertificateEncodingException ex) {
            throw new IllegalArgumentException(ex);
        }
    }

    /** The DER encoding (a copy). */
    public byte[] der() {
        return der.clone();
    }

    /** The serial number. */
    public BigInteger serial() {
        return serial != null ? serial : certificate().getSerialNumber();
    }

    /** The start of validity (whole seconds, as encoded). */
    public Instant notBefore() {
        return notBefore != null ? notBefore : certificate().getNotBefore().toInstant();
    }

    /** The end of validity (whole seconds, as encoded). */
    public Instant notAfter() {
        return notAfter != null ? notAfter : certificate().getNotAfter().toInstant();
    }

    /** The JDK's view, parsed on first use. */
    public X509Certificate certificate() {
        X509Certificate c = parsed;
        if (c == null) {
            c = CertificateDer.toJca(der);
            parsed = c;
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncodedCertificate e && Arrays.equals(der, e.der);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(der);
    }

    @Override
    public String toString() {
        return certificate().getSubjectX500Principal().getName();
    }
}
