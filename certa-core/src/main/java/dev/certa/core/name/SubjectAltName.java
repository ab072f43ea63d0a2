package dev.certa.core.name;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * One subject alternative name: the names a certificate is valid for. Clients match the host they
 * connect to against DNS and IP entries here, never against the subject's common name.
 *
 * <p>{@link #parse(String)} is for names a person types and rejects anything malformed;
 * {@link #fromGeneralName} keeps whatever a CSR or certificate holds, so lints can explain it.
 */
public record SubjectAltName(Type type, String value) implements Comparable<SubjectAltName> {

    /** The kinds of name certa issues for. */
    public enum Type {
        DNS, IP, EMAIL, URI;

        public String label() {
            return this == EMAIL ? "email" : name();
        }
    }

    public SubjectAltName {
        Objects.requireNonNull(type);
        Objects.requireNonNull(value);
    }

    public static SubjectAltName dns(String name) {
        return parseAs(Type.DNS, name);
    }

    public static SubjectAltName ip(String address) {
        return parseAs(Type.IP, address);
    }

    public static SubjectAltName email(String address) {
        return parseAs(Type.EMAIL, address);
    }

    public static SubjectAltName uri(String uri) {
        return parseAs(Type.URI, uri);
    }

    /**
     * Parses a name as typed on a command line. A prefix ({@code dns:}, {@code ip:}, {@code email:},
     * {@code uri:}) forces the type; otherwise it is guessed: {@code scheme://…} is a URI, a string with
     * {@code @} an email address, a literal IPv4/IPv6 address an IP, anything else a DNS name.
     */
    public static SubjectAltName parse(String text) {
        String t = text.trim();
        int colon = t.indexOf(':');
        if (colon > 0 && !t.contains("://")) {
            String prefix = t.substring(0, colon).toLowerCase(Locale.ROOT);
            String rest = t.substring(colon + 1);
            switch (prefix) {
                case "dns": return parseAs(Type.DNS, rest);
                case "ip": return parseAs(Type.IP, rest);
                case "email", "rfc822": return parseAs(Type.EMAIL, rest);
                case "uri": return parseAs(Type.URI, rest);
                default: break; // an IPv6 address, or a URI without //
            }
        }
        if (t.contains("://") || t.startsWith("urn:")) {
            return parseAs(Type.URI, t);
        }
        if (t.contains("@")) {
            return parseAs(Type.EMAIL, t);
        }
        if (IpAddresses.isLiteral(t)) {
            return parseAs(Type.IP, t);
        }
        return parseAs(Type.DNS, t);
    }

    private static SubjectAltName parseAs(Type type, String raw) {
        String t = raw.trim();
        return switch (type) {
            case DNS -> new SubjectAltName(Type.DNS, DnsNames.normalize(t));
            case IP -> {
                if (!IpAddresses.isLiteral(t)) {
                    throw new CertaException(ErrorKind.BAD_NAME, "'" + raw + "' is not an IP address",
                            "write an IPv4 address like 192.0.2.10 or an IPv6 address like 2001:db8::1");
                }
                yield new SubjectAltName(Type.IP, IpAddresses.canonical(t));
            }
            case EMAIL -> {
                int at = t.lastIndexOf('@');
                if (at <= 0 || at == t.length() - 1 || t.indexOf('@') != at || t.chars().anyMatch(Character::isWhitespace)) {
                    throw new CertaException(ErrorKind.BAD_NAME, "'" + raw + "' is not an email address",
                            "write it as user@example.com");
                }
                String domain = DnsNames.normalize(t.substring(at + 1));
                if (domain.startsWith("*")) {
                    throw new CertaException(ErrorKind.BAD_NAME, "'" + raw + "': an email domain cannot be a wildcard",
                            "name the mailbox's exact domain");
                }
                if (!t.substring(0, at).chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                    throw new CertaException(ErrorKind.BAD_NAME,
                            "'" + raw + "': the mailbox name must be ASCII", "use an ASCII address");
                }
                yield new SubjectAltName(Type.EMAIL, t.substring(0, at) + "@" + domain);
            }
            case URI -> {
                try {
                    URI u = new URI(t);
                    if (u.getScheme() == null) {
                        throw new URISyntaxException(t, "no scheme");
                    }
                    if (!t.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                        throw new URISyntaxException(t, "non-ASCII characters");
                    }
                } catch (URISyntaxException e) {
                    throw new CertaException(ErrorKind.BAD_NAME, "'" + raw + "' is not a URI (" + e.getReason() + ")",
                            "write it with a scheme, e.g. spiffe://example.org/service or https://example.com/");
                }
                yield new SubjectAltName(Type.URI, t);
            }
        };
    }

    /** Converts a GeneralName found in a CSR or certificate; other name forms are not returned. */
    public static Optional<SubjectAltName> fromGeneralName(GeneralName g) {
        return switch (g.getTagNo()) {
            case GeneralName.dNSName -> Optional.of(new SubjectAltName(Type.DNS, ASN1IA5String.getInstance(g.getName()).getString()));
            case GeneralName.rfc822Name -> Optional.of(new SubjectAltName(Type.EMAIL, ASN1IA5String.getInstance(g.getName()).getString()));
            case GeneralName.uniformResourceIdentifier -> Optional.of(new SubjectAltName(Type.URI, ASN1IA5String.getInstance(g.getName()).getString()));
            case GeneralName.iPAddress -> {
                byte[] b = ASN1OctetString.getInstance(g.getName()).getOctets();
                if (b.length != 4 && b.length != 16) {
                    yield Optional.of(new SubjectAltName(Type.IP, "invalid(" + b.length + " bytes)"));
                }
                try {
                    yield Optional.of(new SubjectAltName(Type.IP, IpAddresses.canonical(InetAddress.getByAddress(b))));
                } catch (UnknownHostException e) {
                    yield Optional.empty();
                }
            }
            default -> Optional.empty();
        };
    }

    /** All DNS, IP, email and URI names in a GeneralNames structure, in order. */
    public static List<SubjectAltName> fromGeneralNames(GeneralNames names) {
        List<SubjectAltName> out = new ArrayList<>();
        for (GeneralName g : names.getNames()) {
            fromGeneralName(g).ifPresent(out::add);
        }
        return out;
    }

    /** The ASN.1 form for a certificate or CSR. */
    public GeneralName toGeneralName() {
        return switch (type) {
            case DNS -> new GeneralName(GeneralName.dNSName, value);
            case IP -> new GeneralName(GeneralName.iPAddress, value);
            case EMAIL -> new GeneralName(GeneralName.rfc822Name, value);
            case URI -> new GeneralName(GeneralName.uniformResourceIdentifier, value);
        };
    }

    public static GeneralNames toGeneralNames(List<SubjectAltName> names) {
        return new GeneralNames(names.stream().map(SubjectAltName::toGeneralName).toArray(GeneralName[]::new));
    }

    /** "DNS:example.com", "IP:192.0.2.1", the way openssl prints them. */
    @Override
    public String toString() {
        return type.label() + ":" + value;
    }

    @Override
    public int compareTo(SubjectAltName o) {
        int c = type.compareTo(o.type);
        return c != 0 ? c : value.compareTo(o.value);
    }

    /** For DNS names: the ASCII (punycode) form of a Unicode name is what goes in certificates. */
    static String toAscii(String name) {
        return IDN.toASCII(name, IDN.ALLOW_UNASSIGNED);
    }
}
