package dev.certa.core.revocation;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.pem.PemWriter;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Instant;

/**
 * A signed CRL as {@link CrlBuilder#sign()} made it: the DER to publish (HTTP clients fetch it as
 * {@code application/pkix-crl}) and the facts a caller records about it.
 */
public final class SignedCrl {
    private final byte[] der;
    private final BigInteger number;
    private final Instant thisUpdate;
    private final Instant nextUpdate;
    private final int size;

    SignedCrl(byte[] der, BigInteger number, Instant thisUpdate, Instant nextUpdate, int size) {
        this.der = der;
        this.number = number;
        this.thisUpdate = thisUpdate;
        this.nextUpdate = nextUpdate;
        this.size = size;
    }

    /** The DER encoding (a copy). */
    public byte[] der() {
        return der.clone();
    }

    /** The PEM encoding, {@code -----BEGIN X509 CRL-----}. */
    public String pem() {
        return PemWriter.block("X509 CRL", der);
    }

    /** The CRL number: it grows with each CRL the CA issues, so clients can tell the newer of two. */
    public BigInteger number() {
        return number;
    }

    public Instant thisUpdate() {
        return thisUpdate;
    }

    /** When a newer CRL will be published at the latest; clients treat this one as stale after it. */
    public Instant nextUpdate() {
        return nextUpdate;
    }

    /** How many certificates it lists as revoked. */
    public int size() {
        return size;
    }

    /** The JDK's view of this CRL, parsed now. */
    public X509CRL toX509Crl() {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
        } catch (CertificateException | CRLException e) {
            throw new CertaException(ErrorKind.INTERNAL, "the JDK cannot read a CRL certa made", null, e);
        }
    }
}
