package dev.certa.core.path;

import dev.certa.core.name.NameText;
import dev.certa.core.name.SubjectAltName;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.GeneralName;
import org.jspecify.annotations.NullMarked;

/**
 * RFC 6125 / RFC 9525 peer-name matching against a leaf: is this certificate valid for the host, IP
 * address or mailbox the caller connected to?
 *
 * <p>Only subject alternative names count. The subject's common name is never matched, not even when
 * the certificate has no subject alternative names (RFC 9525 §6.3, the CA/Browser Forum rules, Chrome,
 * Go since 1.15; x509-limbo's webpki::san::no-san expects the same): a certificate without them is valid
 * for no name.
 *
 * <ul>
 *   <li><b>DNS</b>: against dNSName entries only, case-insensitively, label by label. A trailing dot on the
 *       name asked for is ignored; entries with one never match. Both sides must be host names in the
 *       preferred syntax (letters, digits, inner hyphens; no underscores, no spaces, ASCII only: an IDN is
 *       compared in its A-label "xn--" form, so look-alike Unicode never matches). A wildcard matches only
 *       as the whole left-most label, stands for exactly one non-empty label, and needs at least two labels
 *       after it: "*.example.com" matches "www.example.com", but not "example.com", "a.b.example.com";
 *       "*.com", "ba*.example.com", "foo.*.example.com" and "xn--*.example.com" match nothing. (Spotting a
 *       wildcard on a multi-label public suffix such as "*.co.uk" needs the public suffix list, which certa
 *       does not carry.) A name that is an IP address in text never matches a DNS name.</li>
 *   <li><b>IP</b>: against iPAddress entries only (never DNS entries holding an address as text), comparing
 *       bytes; IPv4 never equals IPv6, IPv4-mapped IPv6 included. The address asked for must be strict text:
 *       dotted decimal without leading zeros, or IPv6.</li>
 *   <li><b>Email</b>: against rfc822Name entries; the local part is compared exactly, the domain
 *       case-insensitively.</li>
 *   <li><b>URI</b>: against uniformResourceIdentifier entries, character for character.</li>
 * </ul>
 */
@NullMarked
public final class HostnameMatcher {
    private HostnameMatcher() {}

    /** Whether {@code leaf} is valid for {@code expected}; false if its subject alternative names cannot be decoded. */
    public static boolean matches(X509Certificate leaf, SubjectAltName expected) {
        List<GeneralName> sans;
        try {
            sans = CertificateNames.subjectAltNames(leaf).orElse(List.of());
        } catch (CertificateNames.MalformedNamesException e) {
            return false;
        }
        return matches(sans, expected);
    }

    /**
     * As {@link #matches(X509Certificate, SubjectAltName)} for the subject alternative names the validator has
     * already read from the certificate.
     */
    static boolean matches(ExtensionFacts ext, SubjectAltName expected) {
        List<GeneralName> sans;
        try {
            // the names as ExtensionFacts read them, else (absent or unreadable) from the value: the same parse
            sans = (ext.subjectAltNames != null ? CertificateNames.subjectAltNames(ext.subjectAltNames)
                    : CertificateNames.subjectAltNames(ext.subjectAltNamesValue)).orElse(List.of());
        } catch (CertificateNames.MalformedNamesException e) {
            return false;
        }
        return matches(sans, expected);
    }

    private static boolean matches(List<GeneralName> sans, SubjectAltName expected) {
        return switch (expected.type()) {
            case DNS -> referenceDnsName(expected.value())
                    .map(ref -> sans.stream().filter(g -> g.getTagNo() == GeneralName.dNSName)
                            .anyMatch(g -> dnsMatches(ia5(g), ref)))
                    .orElse(false);
            case IP -> IpText.parse(unbracketed(expected.value()))
                    .map(ref -> sans.stream().filter(g -> g.getTagNo() == GeneralName.iPAddress)
                            .anyMatch(g -> Arrays.equals(ASN1OctetString.getInstance(g.getName()).getOctets(), ref)))
                    .orElse(false);
            case EMAIL -> Mailbox.parse(expected.value())
                    .map(ref -> sans.stream().filter(g -> g.getTagNo() == GeneralName.rfc822Name)
                            .anyMatch(g -> Mailbox.parse(ia5(g)).map(ref::equals).orElse(false)))
                    .orElse(false);
            case URI -> sans.stream().filter(g -> g.getTagNo() == GeneralName.uniformResourceIdentifier)
                    .anyMatch(g -> ia5(g).equals(expected.value()));
        };
    }

    /**
     * The names a person should see in "valid for a.example, b.example — not for c.example": the DNS, IP,
     * email and URI subject alternative names in certificate order, as text (IP addresses in canonical form,
     * anything outside printable ASCII escaped). Empty if there are none or they cannot be decoded.
     */
    public static List<String> presentedNames(X509Certificate leaf) {
        return presentedSans(leaf).stream().map(SubjectAltName::value).toList();
    }

    /**
     * The same names with their type (DNS, IP, email, URI), safe to print: "192.0.2.10" as a DNS name and
     * as an IP address are different names, and a client matches an address only against IP entries.
     */
    public static List<SubjectAltName> presentedSans(X509Certificate leaf) {
        List<GeneralName> sans;
        try {
            sans = CertificateNames.subjectAltNames(leaf).orElse(List.of());
        } catch (CertificateNames.MalformedNamesException e) {
            return List.of();
        }
        List<SubjectAltName> out = new ArrayList<>();
        for (GeneralName g : sans) {
            switch (g.getTagNo()) {
                case GeneralName.dNSName -> out.add(new SubjectAltName(SubjectAltName.Type.DNS, NameMatching.printable(ia5(g))));
                case GeneralName.rfc822Name -> out.add(new SubjectAltName(SubjectAltName.Type.EMAIL, NameMatching.printable(ia5(g))));
                case GeneralName.uniformResourceIdentifier ->
                        out.add(new SubjectAltName(SubjectAltName.Type.URI, NameMatching.printable(ia5(g))));
                case GeneralName.iPAddress -> out.add(new SubjectAltName(SubjectAltName.Type.IP,
                        IpText.format(ASN1OctetString.getInstance(g.getName()).getOctets())));
                default -> { }
            }
        }
        return List.copyOf(out);
    }

    /**
     * A web PKI profile rule, separate from matching (nothing here reads the common name to match it): the
     * CA/Browser Forum baseline requirements §7.1.4.3 say a subscriber certificate's common name, if present,
     * is a character-for-character copy of one of its dNSName entries, or an IP address entry in canonical
     * text (RFC 3986 dotted decimal, RFC 5952 IPv6). A common name that differs (other case, Unicode instead
     * of "xn--", "192.168.001.001", an uncompressed IPv6 address, a name not in the extension) is how a
     * certificate can look like it is for one name to a legacy client and for another to a modern one.
     * Empty if the rule holds; else the reason.
     */
    public static Optional<String> commonNameProblem(X509Certificate leaf) {
        List<String> cns = new ArrayList<>();
        for (RDN rdn : X500Name.getInstance(leaf.getSubjectX500Principal().getEncoded()).getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                if (atv.getType().equals(BCStyle.CN)) {
                    cns.add(NameText.of(atv.getValue()));
                }
            }
        }
        if (cns.isEmpty()) {
            return Optional.empty();
        }
        List<GeneralName> sans;
        try {
            sans = CertificateNames.subjectAltNames(leaf).orElse(List.of());
        } catch (CertificateNames.MalformedNamesException e) {
            return Optional.of(e.getMessage());
        }
        List<String> copies = new ArrayList<>();
        for (GeneralName g : sans) {
            if (g.getTagNo() == GeneralName.dNSName) {
                copies.add(ia5(g));
            } else if (g.getTagNo() == GeneralName.iPAddress) {
                copies.add(IpText.format(ASN1OctetString.getInstance(g.getName()).getOctets()));
            }
        }
        for (String cn : cns) {
            if (!copies.contains(cn)) {
                return Optional.of("the common name '" + NameMatching.printable(cn) + "' is not a character-for-character"
                        + " copy of a DNS or IP subject alternative name (CA/Browser Forum baseline requirements §7.1.4.3)");
            }
        }
        return Optional.empty();
    }

    /** "[2001:db8::1]", as in URLs, is the IPv6 address inside. */
    private static String unbracketed(String ip) {
        return ip.length() > 2 && ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
    }

    private static String ia5(GeneralName g) {
        return ASN1IA5String.getInstance(g.getName()).getString();
    }

    /** The name asked for, lower case without a trailing dot, if it is a host name in the preferred syntax. */
    static Optional<String> referenceDnsName(String raw) {
        String name = raw.endsWith(".") ? raw.substring(0, raw.length() - 1) : raw;
        return preferredSyntax(name, false) ? Optional.of(name.toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** Whether a dNSName entry stands for {@code reference} (from {@link #referenceDnsName}). */
    static boolean dnsMatches(String presented, String reference) {
        if (!preferredSyntax(presented, true)) {
            return false;
        }
        String p = presented.toLowerCase(Locale.ROOT);
        if (p.startsWith("*.")) { // a wildcard preferredSyntax allowed: it stands for the reference's first label
            int dot = reference.indexOf('.');
            return dot > 0 && p.length() - 1 == reference.length() - dot && reference.regionMatches(dot, p, 1, p.length() - 1);
        }
        return p.equals(reference);
    }

    /**
     * RFC 1034 §3.5 preferred name syntax as amended by RFC 1123 §2.1: labels of 1 to 63 letters, digits and
     * inner hyphens, at most 253 characters, a last label that is not all digits (so that no IP address
     * passes as a name). With {@code wildcard}, "*" may be the whole left-most label when at least two labels follow.
     */
    static boolean preferredSyntax(String name, boolean wildcard) {
        int n = name.length();
        if (n == 0 || n > NameMatching.MAX_NAME) {
            return false;
        }
        int labels = 1;
        for (int i = 0; i < n; i++) {
            if (name.charAt(i) == '.') {
                labels++;
            }
        }
        boolean lastAllDigits = false;
        int start = 0;
        for (int i = 0, index = 0; i <= n; i++) {
            if (i < n && name.charAt(i) != '.') {
                continue;
            }
            int length = i - start;
            boolean wild = index == 0 && wildcard && length == 1 && name.charAt(start) == '*' && labels >= 3;
            if (!wild && (length == 0 || length > NameMatching.MAX_LABEL || name.charAt(start) == '-' || name.charAt(i - 1) == '-')) {
                return false;
            }
            boolean allDigits = true;
            for (int k = start; k < i && !wild; k++) {
                char c = name.charAt(k);
                if (!NameMatching.isLetterOrDigit(c) && c != '-') {
                    return false;
                }
                allDigits &= c >= '0' && c <= '9';
            }
            lastAllDigits = !wild && allDigits;
            start = i + 1;
            index++;
        }
        return !lastAllDigits;
    }
}
