package dev.certa.server.ra.acme;

import dev.certa.core.name.SubjectAltName;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * ACME identifiers as certa stores them: {@code dns:example.com} (RFC 8555) or {@code ip:192.0.2.1}
 * (RFC 8738). DNS names are lower-cased LDH names; a wildcard ({@code dns:*.example.com}) covers one
 * label and is proven by dns-01 only (RFC 8555 section 7.1.3).
 */
final class Identifiers {
    private static final String LABEL = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?";

    private Identifiers() {}

    /** The stored form of one {@code {type, value}} of a newOrder request, or rejectedIdentifier/unsupportedIdentifier. */
    static String parse(String type, String value) {
        switch (type) {
            case "dns" -> {
                String full = value.toLowerCase(Locale.ROOT);
                boolean wildcard = full.startsWith("*.");
                String v = wildcard ? full.substring(2) : full;
                if (wildcard && !v.contains(".")) {
                    throw new AcmeException(AcmeError.REJECTED_IDENTIFIER, "'" + value + "' is too broad a wildcard; name at least two labels");
                }
                if (v.length() > (wildcard ? 251 : 253) || !v.matches(LABEL + "(\\." + LABEL + ")*") || v.matches("[0-9.]+")) {
                    throw new AcmeException(AcmeError.REJECTED_IDENTIFIER, "'" + value + "' is not a DNS name this CA issues for");
                }
                return "dns:" + full;
            }
            case "ip" -> {
                if (!value.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
                    throw new AcmeException(AcmeError.REJECTED_IDENTIFIER, "'" + value + "' is not an IP address");
                }
                try {
                    return "ip:" + InetAddress.getByName(value).getHostAddress();
                } catch (UnknownHostException e) {
                    throw new AcmeException(AcmeError.REJECTED_IDENTIFIER, "'" + value + "' is not an IP address");
                }
            }
            default -> throw new AcmeException(AcmeError.UNSUPPORTED_IDENTIFIER, "identifiers of type '" + type
                    + "' are not supported; use dns or ip");
        }
    }

    static boolean isWildcard(String stored) {
        return stored.startsWith("dns:*.");
    }

    static String type(String stored) {
        return stored.substring(0, stored.indexOf(':'));
    }

    static String value(String stored) {
        return stored.substring(stored.indexOf(':') + 1);
    }

    /** The stored form of a certificate name, for comparing a CSR with an order. */
    static String of(SubjectAltName name) {
        return switch (name.type()) {
            case DNS -> "dns:" + name.value().toLowerCase(Locale.ROOT);
            case IP -> {
                try {
                    yield "ip:" + InetAddress.getByName(name.value()).getHostAddress();
                } catch (UnknownHostException e) {
                    yield "ip:" + name.value();
                }
            }
            case EMAIL -> "email:" + name.value();
            case URI -> "uri:" + name.value();
        };
    }

    static SubjectAltName san(String stored) {
        return type(stored).equals("ip") ? SubjectAltName.ip(value(stored)) : SubjectAltName.dns(value(stored));
    }
}
