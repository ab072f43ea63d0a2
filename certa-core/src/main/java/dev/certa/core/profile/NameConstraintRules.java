package dev.certa.core.profile;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.name.DnsNames;
import dev.certa.core.name.IpAddresses;
import dev.certa.core.name.SubjectAltName;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraints;

/**
 * Name constraints for an intermediate CA: which DNS domains, IP ranges and email domains it may
 * (permitted) or may not (excluded) sign for. Written as {@code example.com} (the domain and its
 * subdomains), {@code 10.0.0.0/8}, {@code @example.com}.
 */
public record NameConstraintRules(List<String> permitted, List<String> excluded) {
    public static final NameConstraintRules NONE = new NameConstraintRules(List.of(), List.of());

    public NameConstraintRules {
        permitted = List.copyOf(permitted);
        excluded = List.copyOf(excluded);
        permitted.forEach(NameConstraintRules::subtree);
        excluded.forEach(NameConstraintRules::subtree);
    }

    public boolean isEmpty() {
        return permitted.isEmpty() && excluded.isEmpty();
    }

    /** The extension value, or null when there are no constraints. */
    public NameConstraints toExtension() {
        return new NameConstraints(
                permitted.isEmpty() ? null : permitted.stream().map(NameConstraintRules::subtree).toArray(GeneralSubtree[]::new),
                excluded.isEmpty() ? null : excluded.stream().map(NameConstraintRules::subtree).toArray(GeneralSubtree[]::new));
    }

    /** Whether a name is allowed by these rules (names of a type with no permitted entry are allowed). */
    public boolean allows(SubjectAltName name) {
        for (String e : excluded) {
            if (matches(e, name)) {
                return false;
            }
        }
        boolean anyOfType = false;
        for (String p : permitted) {
            if (typeOf(p) == name.type()) {
                anyOfType = true;
                if (matches(p, name)) {
                    return true;
                }
            }
        }
        return !anyOfType;
    }

    private static SubjectAltName.Type typeOf(String rule) {
        if (rule.contains("/")) {
            return SubjectAltName.Type.IP;
        }
        return rule.contains("@") ? SubjectAltName.Type.EMAIL : SubjectAltName.Type.DNS;
    }

    private static boolean matches(String rule, SubjectAltName name) {
        if (typeOf(rule) != name.type()) {
            return false;
        }
        return switch (name.type()) {
            case DNS -> {
                String domain = stripDot(rule.toLowerCase(Locale.ROOT));
                String n = name.value().toLowerCase(Locale.ROOT);
                if (n.startsWith("*.")) {
                    n = n.substring(2);
                }
                yield n.equals(domain) || n.endsWith("." + domain);
            }
            case EMAIL -> {
                String domain = rule.substring(rule.indexOf('@') + 1).toLowerCase(Locale.ROOT);
                String n = name.value().substring(name.value().lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
                yield n.equals(domain) || n.endsWith("." + domain);
            }
            case IP -> inRange(rule, name.value());
            case URI -> false;
        };
    }

    private static String stripDot(String s) {
        return s.startsWith(".") ? s.substring(1) : s;
    }

    private static boolean inRange(String cidr, String ip) {
        try {
            String[] parts = cidr.split("/");
            byte[] net = InetAddress.getByName(parts[0]).getAddress();
            byte[] addr = InetAddress.getByName(ip).getAddress();
            if (net.length != addr.length) {
                return false;
            }
            int prefix = Integer.parseInt(parts[1]);
            BigInteger mask = BigInteger.ONE.shiftLeft(net.length * 8).subtract(BigInteger.ONE)
                    .shiftRight(prefix).not();
            return new BigInteger(1, net).and(mask).equals(new BigInteger(1, addr).and(mask));
        } catch (UnknownHostException | RuntimeException e) {
            return false;
        }
    }

    private static GeneralSubtree subtree(String rule) {
        String r = rule.trim();
        try {
            switch (typeOf(r)) {
                case IP -> {
                    String[] parts = r.split("/");
                    if (parts.length != 2 || !IpAddresses.isLiteral(parts[0])) {
                        throw new IllegalArgumentException("not an address/prefix");
                    }
                    byte[] addr = InetAddress.getByName(parts[0]).getAddress();
                    int prefix = Integer.parseInt(parts[1]);
                    if (prefix < 0 || prefix > addr.length * 8) {
                        throw new IllegalArgumentException("prefix length out of range");
                    }
                    byte[] both = new byte[addr.length * 2];
                    System.arraycopy(addr, 0, both, 0, addr.length);
                    for (int i = 0; i < prefix; i++) {
                        both[addr.length + i / 8] |= (byte) (0x80 >> (i % 8));
                    }
                    return new GeneralSubtree(new GeneralName(GeneralName.iPAddress, new DEROctetString(both)));
                }
                case EMAIL -> {
                    String domain = r.substring(r.indexOf('@') + 1);
                    DnsNames.normalize(domain);
                    return new GeneralSubtree(new GeneralName(GeneralName.rfc822Name, domain));
                }
                default -> {
                    DnsNames.normalize(stripDot(r));
                    return new GeneralSubtree(new GeneralName(GeneralName.dNSName, stripDot(r)));
                }
            }
        } catch (UnknownHostException | RuntimeException e) {
            throw new CertaException(ErrorKind.BAD_NAME, "name constraint '" + rule + "' is not valid (" + e.getMessage() + ")",
                    "write example.com for a DNS domain, 10.0.0.0/8 for an IP range, @example.com for email");
        }
    }

    /** Parses a comma-separated list. */
    public static List<String> split(String csv) {
        List<String> out = new ArrayList<>();
        for (String s : csv.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }
}
