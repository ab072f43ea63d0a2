package dev.certa.core.revocation;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.issue.CertificateAuthority;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.jspecify.annotations.Nullable;

/**
 * Builds a full CRL (RFC 5280 section 5) for one issuing CA and signs it with the CA's key.
 *
 * <p>A CRL is the CA's signed list of the certificates it revoked before they expired. Clients
 * download it from the URL in a certificate's CRL distribution point and look for the certificate's
 * serial number. Each CRL carries a {@code thisUpdate} (when it was made) and a {@code nextUpdate}
 * (when a newer one will be out at the latest: after it, clients treat it as stale), a CRL number
 * that grows with every CRL the CA publishes, and the CA's key identifier so clients find the key
 * that verifies it. An entry lists the serial, the revocation time and, unless unspecified, the reason.
 *
 * <pre>{@code
 * SignedCrl crl = new CrlBuilder(ca)
 *         .number(store.nextCrlNumber(ca))         // never reused, never smaller
 *         .thisUpdate(clock.instant())
 *         .validFor(Duration.ofDays(7))
 *         .issuingDistributionPoint("http://ca.example/crl/int.crl")  // optional: the CDP URL in its certificates
 *         .revoked(store.revokedBy(ca))             // List<RevokedCertificate>
 *         .sign();
 * byte[] der = crl.der();                             // serve as application/pkix-crl
 * }</pre>
 *
 * <p>Entries are encoded directly as DER, so a CRL of 100,000 entries takes well under a second
 * (see {@code CrlBuilderTest.aHundredThousandEntries}). Each call to {@link #sign()} signs once.
 */
public final class CrlBuilder {
    private static final byte[] VERSION_2 = Der.integer(BigInteger.ONE);
    private static final ASN1ObjectIdentifier REASON_CODE = Extension.reasonCode;
    /** The reasonCode entry extension of each stated reason, encoded once. */
    private static final byte[][] REASON_EXTENSIONS = reasonExtensions();
    /** RFC 5280 5.2.3: a CRL number is at most 20 octets. */
    private static final int MAX_NUMBER_BITS = 159;
    private static final int CRL_SIGN = 6;

    private final CertificateAuthority ca;
    private @Nullable BigInteger number;
    private @Nullable Instant thisUpdate;
    private @Nullable Instant nextUpdate;
    private @Nullable Duration validity;
    private @Nullable String distributionPoint;
    private final List<RevokedCertificate> revoked = new ArrayList<>();

    /** A CRL issued and signed by {@code ca}, whose signer may live in a file or a token. */
    public CrlBuilder(CertificateAuthority ca) {
        this.ca = ca;
    }

    /** The CRL number: non-negative, at most 20 octets, and larger than that of any earlier CRL of this CA. */
    public CrlBuilder number(BigInteger crlNumber) {
        this.number = crlNumber;
        return this;
    }

    public CrlBuilder number(long crlNumber) {
        return number(BigInteger.valueOf(crlNumber));
    }

    /** When the CRL is issued; kept to whole seconds. */
    public CrlBuilder thisUpdate(Instant instant) {
        this.thisUpdate = instant.truncatedTo(ChronoUnit.SECONDS);
        return this;
    }

    /** The clock's current instant as {@link #thisUpdate(Instant)}. */
    public CrlBuilder thisUpdate(Clock clock) {
        return thisUpdate(clock.instant());
    }

    /** nextUpdate = thisUpdate + {@code interval}. Give this or {@link #nextUpdate(Instant)}, not both. */
    public CrlBuilder validFor(Duration interval) {
        this.validity = interval;
        return this;
    }

    public CrlBuilder nextUpdate(Instant instant) {
        this.nextUpdate = instant.truncatedTo(ChronoUnit.SECONDS);
        return this;
    }

    /**
     * Adds an issuingDistributionPoint extension (critical, as RFC 5280 requires) naming the URL this
     * CRL is published at. It must equal the CRL distribution point URL in the certificates the CRL
     * covers ({@code ca.urls().crl()}): clients such as openssl reject a CRL whose IDP names another place.
     */
    public CrlBuilder issuingDistributionPoint(String url) {
        this.distributionPoint = url;
        return this;
    }

    public CrlBuilder revoke(RevokedCertificate entry) {
        revoked.add(entry);
        return this;
    }

    public CrlBuilder revoked(Collection<RevokedCertificate> entries) {
        revoked.addAll(entries);
        return this;
    }

    /** Checks everything, encodes the CRL and signs it with the CA's key. */
    public SignedCrl sign() {
        String caName = CertificateParts.name(ca.certificate());
        BigInteger n = require(number, "a CRL number", "call number(...) with the CA's next CRL number");
        Instant issued = require(thisUpdate, "thisUpdate", "call thisUpdate(clock.instant())");
        if (n.signum() < 0 || n.bitLength() > MAX_NUMBER_BITS) {
            throw CertaException.badInput("CRL number " + n + " is out of range",
                    "use a non-negative number of at most 20 octets");
        }
        Instant next = resolveNextUpdate(issued);
        if (!CertificateParts.allowsKeyUsage(ca.certificate(), CRL_SIGN)) {
            throw CertaException.badInput("CA '" + caName + "' may not sign CRLs: its keyUsage lacks cRLSign",
                    "sign CRLs with a CA certificate whose keyUsage includes cRLSign");
        }
        byte[] signatureAlgorithm = Der.encode(ca.signer().algorithmIdentifier());
        List<byte[]> tbs = new ArrayList<>(7);
        tbs.add(VERSION_2);
        tbs.add(signatureAlgorithm);
        tbs.add(CertificateParts.subjectDer(ca.certificate()));
        tbs.add(Der.time(issued));
        tbs.add(Der.time(next));
        if (!revoked.isEmpty()) {
            tbs.add(entries()); // RFC 5280: absent, not empty, when nothing is revoked
        }
        tbs.add(Der.tlv(0xa0, extensions(n)));
        byte[] tbsDer = Der.tlv(Der.SEQUENCE, tbs);
        byte[] signature = ca.signer().sign(tbsDer);
        byte[] der = Der.tlv(Der.SEQUENCE, tbsDer, signatureAlgorithm, Der.bitString(signature));
        return new SignedCrl(der, n, issued, next, revoked.size());
    }

    private Instant resolveNextUpdate(Instant issued) {
        if (validity != null && nextUpdate != null) {
            throw new CertaException(ErrorKind.USAGE, "both validFor and nextUpdate were given for the CRL",
                    "give one of them");
        }
        Instant next = validity != null ? issued.plus(validity).truncatedTo(ChronoUnit.SECONDS) : nextUpdate;
        if (next == null) {
            throw new CertaException(ErrorKind.USAGE, "the CRL has no nextUpdate (RFC 5280 requires one)",
                    "call validFor(Duration) or nextUpdate(Instant)");
        }
        if (!next.isAfter(issued)) {
            throw CertaException.badInput("the CRL's nextUpdate " + next + " is not after its thisUpdate " + issued,
                    "give a positive validity");
        }
        return next;
    }

    private byte[] entries() {
        List<byte[]> out = new ArrayList<>(revoked.size());
        Set<BigInteger> seen = new HashSet<>(revoked.size() * 2);
        for (RevokedCertificate r : revoked) {
            if (!seen.add(r.serial())) {
                throw CertaException.badInput("serial " + r.serial().toString(16) + " is listed twice",
                        "list each revoked certificate once");
            }
            byte[] serial = Der.integer(r.serial());
            byte[] date = Der.time(r.revokedAt());
            out.add(r.reason().isStated()
                    ? Der.tlv(Der.SEQUENCE, serial, date, REASON_EXTENSIONS[r.reason().ordinal()])
                    : Der.tlv(Der.SEQUENCE, serial, date));
        }
        return Der.tlv(Der.SEQUENCE, out);
    }

    private byte[] extensions(BigInteger n) {
        List<byte[]> ext = new ArrayList<>(3);
        AuthorityKeyIdentifier aki = new AuthorityKeyIdentifier(CertificateParts.keyIdentifier(ca.certificate()));
        ext.add(Der.encode(new Extension(Extension.authorityKeyIdentifier, false, Der.encode(aki))));
        ext.add(Der.encode(new Extension(Extension.cRLNumber, false, Der.encode(new ASN1Integer(n)))));
        if (distributionPoint != null) {
            DistributionPointName name = new DistributionPointName(
                    new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, distributionPoint)));
            IssuingDistributionPoint idp = new IssuingDistributionPoint(name, false, false, null, false, false);
            ext.add(Der.encode(new Extension(Extension.issuingDistributionPoint, true, Der.encode(idp))));
        }
        return Der.tlv(Der.SEQUENCE, ext);
    }

    private static byte[][] reasonExtensions() {
        RevocationReason[] all = RevocationReason.values();
        byte[][] out = new byte[all.length][];
        for (RevocationReason r : all) {
            byte[] ext = Der.encode(new Extension(REASON_CODE, false, Der.enumerated(r.code())));
            out[r.ordinal()] = Der.tlv(Der.SEQUENCE, ext); // crlEntryExtensions ::= SEQUENCE OF Extension
        }
        return out;
    }

    private static <T> T require(@Nullable T value, String what, String fix) {
        if (value == null) {
            throw new CertaException(ErrorKind.USAGE, "the CRL has no " + what, fix);
        }
        return value;
    }
}
