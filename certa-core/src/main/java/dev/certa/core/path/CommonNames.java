package dev.certa.core.path;

import dev.certa.core.name.IpAddresses;
import dev.certa.core.name.NameText;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.GeneralName;

/**
 * The CA/Browser Forum rule for a subscriber's common name (BR 7.1.4.3): when present, it must be a
 * character-for-character copy of one of the certificate's DNS names, or the text form (dotted quad,
 * RFC 5952 for IPv6) of one of its IP addresses. Clients never read it, but a mismatch means the CA
 * did not follow the rules.
 */
final class CommonNames {
    private CommonNames() {}

    /** The first common name that is not one of the subject alternative names, if any. */
    static Optional<String> notInSubjectAltNames(CertificateFacts f) {
        if (f.ext.subjectAltNames == null || f.subjectEmpty) {
            return Optional.empty(); // no names to compare, or no subject (the usual leaf today) to hold a common name
        }
        X500Name subject = singleValued(f.subjectName) ? f.subjectName : X500Name.getInstance(f.subject.getEncoded());
        for (RDN rdn : subject.getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                if (atv.getType().equals(BCStyle.CN)) {
                    String cn = NameText.of(atv.getValue());
                    if (!inSubjectAltNames(cn, f)) {
                        return Optional.of(cn);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * True when no RDN holds several attributes. Then the name read from the certificate lists its common
     * names in the same order as the JDK's re-encoding (which sorts the attributes inside each RDN), and
     * saves re-encoding and parsing the name again.
     */
    private static boolean singleValued(X500Name name) {
        for (RDN rdn : name.getRDNs()) {
            if (rdn.isMultiValued()) {
                return false;
            }
        }
        return true;
    }

    private static boolean inSubjectAltNames(String cn, CertificateFacts f) {
        for (GeneralName g : f.ext.subjectAltNames.getNames()) {
            if (g.getTagNo() == GeneralName.dNSName && ASN1IA5String.getInstance(g.getName()).getString().equals(cn)) {
                return true;
            }
            if (g.getTagNo() == GeneralName.iPAddress) {
                byte[] b = ASN1OctetString.getInstance(g.getName()).getOctets();
                try {
                    if ((b.length == 4 || b.length == 16) && IpAddresses.canonical(InetAddress.getByAddress(b)).equals(cn)) {
                        return true;
                    }
                } catch (UnknownHostException e) {
                    // not an address: no match
                }
            }
        }
        return false;
    }
}
