package dev.certa.core.report;

import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.name.SubjectAltName;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;

/** How a certificate is named in reports: its subject, most specific attribute first, or its names. */
final class CertificateLabels {
    private CertificateLabels() {}

    static String of(X509Certificate c) {
        String subject = subject(c);
        if (!subject.equals("(empty)")) {
            return subject;
        }
        List<String> names = names(c);
        return names.isEmpty() ? "(no subject, no names)" : "(no subject) " + String.join(", ", names);
    }

    static String subject(X509Certificate c) {
        return DistinguishedNames.display(X500Name.getInstance(c.getSubjectX500Principal().getEncoded()));
    }

    static String issuer(X509Certificate c) {
        return DistinguishedNames.display(X500Name.getInstance(c.getIssuerX500Principal().getEncoded()));
    }

    static String name(javax.security.auth.x500.X500Principal p) {
        return DistinguishedNames.display(X500Name.getInstance(p.getEncoded()));
    }

    /** The subject alternative names as "DNS:api.example.com", "IP:10.0.0.1". */
    static List<String> names(X509Certificate c) {
        try {
            var ext = c.getExtensionValue("2.5.29.17");
            if (ext == null) {
                return List.of();
            }
            var octets = org.bouncycastle.asn1.ASN1OctetString.getInstance(ext).getOctets();
            var general = org.bouncycastle.asn1.x509.GeneralNames.getInstance(octets);
            return SubjectAltName.fromGeneralNames(general).stream().map(SubjectAltName::toString).toList();
        } catch (RuntimeException e) {
            return List.of("(unreadable names)");
        }
    }

    static boolean selfIssued(X509Certificate c) {
        return c.getSubjectX500Principal().equals(c.getIssuerX500Principal());
    }
}
