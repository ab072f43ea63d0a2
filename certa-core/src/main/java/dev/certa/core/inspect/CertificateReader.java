package dev.certa.core.inspect;

import dev.certa.core.error.CertaException;
import dev.certa.core.key.KeyDescription;
import dev.certa.core.name.DistinguishedNames;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.jspecify.annotations.Nullable;

/** Turns an X.509 certificate into a {@link CertificateView} with Bouncy Castle's ASN.1 classes only. */
final class CertificateReader {
    private CertificateReader() {}

    static CertificateView read(X509Certificate certificate, Instant now) {
        byte[] der;
        try {
            der = certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw CertaException.badInput("the certificate cannot be encoded (" + e.getMessage() + ")",
                    "obtain an intact copy of the certificate", e);
        }
        Certificate c;
        try {
            c = Certificate.getInstance(der);
        } catch (RuntimeException e) {
            throw CertaException.badInput("the certificate is damaged (" + e.getMessage() + ")",
                    "obtain an intact copy of the certificate", e);
        }
        Extensions exts = Optional.ofNullable(c.getTBSCertificate().getExtensions())
                .orElseGet(() -> new Extensions(new Extension[0]));
        X500Name subject = c.getSubject();
        X500Name issuer = c.getIssuer();
        SubjectPublicKeyInfo spki = c.getSubjectPublicKeyInfo();
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();

        byte @Nullable [] ski = extension("subject key identifier", () -> {
            SubjectKeyIdentifier s = SubjectKeyIdentifier.fromExtensions(exts);
            return s == null ? null : s.getKeyIdentifier();
        });
        byte @Nullable [] aki = extension("authority key identifier", () -> {
            AuthorityKeyIdentifier a = AuthorityKeyIdentifier.fromExtensions(exts);
            return a == null ? null : a.getKeyIdentifierOctets();
        });
        @Nullable BasicConstraints bc = extension("basic constraints", () -> BasicConstraints.fromExtensions(exts));
        boolean ca = bc != null && bc.isCA();
        @Nullable KeyUsage ku = extension("key usage", () -> KeyUsage.fromExtensions(exts));
        @Nullable ExtendedKeyUsage eku = extension("extended key usage", () -> ExtendedKeyUsage.fromExtensions(exts));
        @Nullable GeneralNames sans = extension("subject alternative name",
                () -> GeneralNames.fromExtensions(exts, Extension.subjectAlternativeName));
        AccessUrls aia = extension("authority information access",
                () -> AccessUrls.of(AuthorityInformationAccess.fromExtensions(exts)));

        return new CertificateView(
                DistinguishedNames.display(subject),
                DistinguishedNames.display(issuer),
                Hex.serial(certificate.getSerialNumber()),
                notBefore,
                notAfter,
                Duration.between(now, notAfter).toDays(),
                ValidityStatus.at(now, notBefore, notAfter),
                KeyDescription.of(spki),
                SignatureNames.of(c.getSignatureAlgorithm()),
                Hex.sha256(der),
                Hex.sha256(spki),
                subject.equals(issuer) && (ski == null || aki == null || Arrays.equals(ski, aki)),
                ca,
                ca ? pathLen(bc.getPathLenConstraint()) : OptionalInt.empty(),
                ku == null ? List.of() : UsageNames.keyUsage(ku),
                eku == null ? List.of() : UsageNames.extendedKeyUsage(eku),
                sans == null ? List.of() : GeneralNameText.of(sans),
                Optional.ofNullable(ski).map(Hex::colon),
                Optional.ofNullable(aki).map(Hex::colon),
                aia.ocsp(),
                aia.caIssuers(),
                extension("CRL distribution points", () -> crlUrls(CRLDistPoint.fromExtensions(exts))),
                extension("name constraints", () -> nameConstraints(exts)));
    }

    private static OptionalInt pathLen(@Nullable BigInteger limit) {
        if (limit == null) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(limit.bitLength() < 31 ? limit.intValue() : Integer.MAX_VALUE);
    }

    /** Authority information access: where to ask about revocation (OCSP) and fetch the issuer (caIssuers). */
    private record AccessUrls(List<String> ocsp, List<String> caIssuers) {
        static AccessUrls of(@Nullable AuthorityInformationAccess aia) {
            List<String> ocsp = new ArrayList<>();
            List<String> caIssuers = new ArrayList<>();
            if (aia != null) {
                for (AccessDescription d : aia.getAccessDescriptions()) {
                    if (d.getAccessMethod().equals(AccessDescription.id_ad_ocsp)) {
                        ocsp.add(location(d.getAccessLocation()));
                    } else if (d.getAccessMethod().equals(AccessDescription.id_ad_caIssuers)) {
                        caIssuers.add(location(d.getAccessLocation()));
                    }
                }
            }
            return new AccessUrls(ocsp, caIssuers);
        }
    }

    private static List<String> crlUrls(@Nullable CRLDistPoint points) {
        List<String> out = new ArrayList<>();
        if (points == null) {
            return out;
        }
        for (DistributionPoint p : points.getDistributionPoints()) {
            DistributionPointName name = p.getDistributionPoint();
            if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                for (GeneralName g : GeneralNames.getInstance(name.getName()).getNames()) {
                    out.add(location(g));
                }
            }
        }
        return out;
    }

    /** A URL as it is written; any other form of name as openssl would show it. */
    private static String location(GeneralName g) {
        if (g.getTagNo() == GeneralName.uniformResourceIdentifier) {
            return org.bouncycastle.asn1.ASN1IA5String.getInstance(g.getName()).getString();
        }
        return GeneralNameText.of(g);
    }

    private static Optional<NameConstraintsView> nameConstraints(Extensions exts) {
        var value = exts.getExtensionParsedValue(Extension.nameConstraints);
        if (value == null) {
            return Optional.empty();
        }
        NameConstraints nc = NameConstraints.getInstance(value);
        return Optional.of(new NameConstraintsView(GeneralNameText.subtrees(nc.getPermittedSubtrees()),
                GeneralNameText.subtrees(nc.getExcludedSubtrees())));
    }

    /** Runs a parse step; a malformed structure becomes a BAD_INPUT error naming the extension. */
    private static <T extends @Nullable Object> T extension(String what, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (CertaException e) {
            throw e;
        } catch (RuntimeException e) {
            throw CertaException.badInput("the certificate's " + what + " extension is malformed ("
                    + e.getMessage() + ")",
                    "obtain a correctly encoded certificate from its issuer", e);
        }
    }
}
