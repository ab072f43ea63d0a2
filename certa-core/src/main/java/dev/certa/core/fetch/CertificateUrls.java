package dev.certa.core.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.jspecify.annotations.Nullable;

/**
 * Where a certificate says more can be found, read from its extensions: the issuer's certificate and
 * the OCSP responder (authority information access, RFC 5280 4.2.2.1) and CRLs (CRL distribution
 * points, 4.2.1.13). Only URIs are returned, in certificate order; a malformed extension yields none.
 */
public final class CertificateUrls {
    private CertificateUrls() {}

    /** AIA caIssuers: where the certificate of whoever signed this one can be downloaded. */
    public static List<URI> caIssuers(X509Certificate c) {
        return access(c, AccessDescription.id_ad_caIssuers);
    }

    /** AIA OCSP: the responder to ask whether this certificate is revoked. */
    public static List<URI> ocsp(X509Certificate c) {
        return access(c, AccessDescription.id_ad_ocsp);
    }

    /** The full-name URIs of the CRL distribution points: where the issuer's CRL covering this certificate is published. */
    public static List<URI> crlDistributionPoints(X509Certificate c) {
        List<URI> out = new ArrayList<>();
        ASN1Primitive v = value(c, Extension.cRLDistributionPoints);
        if (v == null) {
            return out;
        }
        try {
            for (DistributionPoint dp : CRLDistPoint.getInstance(v).getDistributionPoints()) {
                DistributionPointName n = dp.getDistributionPoint();
                if (n != null && n.getType() == DistributionPointName.FULL_NAME) {
                    uris(GeneralNames.getInstance(n.getName()).getNames(), out);
                }
            }
        } catch (RuntimeException malformed) {
            return List.of();
        }
        return out;
    }

    /** Only the {@code http://} ones of {@code urls}. */
    public static List<URI> http(List<URI> urls) {
        return urls.stream().filter(FetchBudget::isHttp).toList();
    }

    private static List<URI> access(X509Certificate c, ASN1ObjectIdentifier method) {
        List<URI> out = new ArrayList<>();
        ASN1Primitive v = value(c, Extension.authorityInfoAccess);
        if (v == null) {
            return out;
        }
        try {
            for (AccessDescription d : AuthorityInformationAccess.getInstance(v).getAccessDescriptions()) {
                if (d.getAccessMethod().equals(method)) {
                    uris(new GeneralName[] {d.getAccessLocation()}, out);
                }
            }
        } catch (RuntimeException malformed) {
            return List.of();
        }
        return out;
    }

    private static void uris(GeneralName[] names, List<URI> out) {
        for (GeneralName g : names) {
            if (g.getTagNo() == GeneralName.uniformResourceIdentifier) {
                try {
                    out.add(new URI(((ASN1String) g.getName()).getString()));
                } catch (URISyntaxException | ClassCastException ignored) {
                    // not a usable URI
                }
            }
        }
    }

    private static @Nullable ASN1Primitive value(X509Certificate c, ASN1ObjectIdentifier oid) {
        byte[] ext = c.getExtensionValue(oid.getId());
        if (ext == null) {
            return null;
        }
        try {
            return ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(ext).getOctets());
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
