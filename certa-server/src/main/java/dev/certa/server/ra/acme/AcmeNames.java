package dev.certa.server.ra.acme;

import com.google.common.net.InternetDomainName;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Which identifiers the ACME CA refuses, and the registered domain a name counts against for rate limits.
 * Refused are, when the admin set an allow list ({@code acme.allowed-names}), identifiers that are not on
 * or below one of its entries; names on or below an entry of the deny list ({@code acme.denied-names}); and
 * public suffixes themselves ({@code com}, {@code co.uk}, {@code github.io}: anyone may register a name
 * below one, so no one controls it as a whole), as the Public Suffix List (Guava's copy) says. A
 * registered domain is a public suffix plus one label ({@code www.example.co.uk} → {@code
 * example.co.uk}); a name under no listed suffix ({@code a.corp.internal}) counts against its last two
 * labels ({@code corp.internal}), an IP address against itself.
 */
final class AcmeNames {
    private final List<String> allowed;
    private final List<String> denied;

    /**
     * @param allowed domains and IP addresses; empty: any
     * @param denied lower-case domains, without a leading {@code *.}
     */
    AcmeNames(List<String> allowed, List<String> denied) {
        this.allowed = allowed.stream().map(d -> d.toLowerCase(Locale.ROOT)).map(AcmeNames::canonicalIp).toList();
        this.denied = denied.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
    }

    /** Refuses (rejectedIdentifier) a stored identifier ({@code dns:…}, {@code ip:…}) this CA does not issue for. */
    void check(String stored) {
        boolean dns = Identifiers.type(stored).equals("dns");
        String name = dns ? base(stored) : Identifiers.value(stored);
        if (!allowed.isEmpty() && allowed.stream().noneMatch(a -> name.equals(a) || dns && name.endsWith("." + a))) {
            throw new AcmeException(AcmeError.REJECTED_IDENTIFIER, "'" + Identifiers.value(stored) + "' is not among the names this CA"
                    + " issues for (acme.allowed-names: " + String.join(", ", allowed) + ")");
        }
        if (!dns) {
            return;
        }
        for (String d : denied) {
            if (name.equals(d) || name.endsWith("." + d)) {
                throw new AcmeException(AcmeError.REJECTED_IDENTIFIER, "'" + Identifiers.value(stored) + "' is at or below " + d
                        + ", a domain this CA does not issue for (acme.denied-names)");
            }
        }
        if (isPublicSuffix(name)) {
            throw new AcmeException(AcmeError.REJECTED_IDENTIFIER, "'" + Identifiers.value(stored) + "' is a public suffix: anyone may"
                    + " register names below it, so no one can prove control of it as a whole; order the names you hold below it");
        }
    }

    /** The registered domain a stored identifier counts against. */
    String registeredDomain(String stored) {
        if (!Identifiers.type(stored).equals("dns")) {
            return Identifiers.value(stored);
        }
        String name = base(stored);
        try {
            InternetDomainName d = InternetDomainName.from(name);
            if (d.isUnderPublicSuffix()) {
                return d.topPrivateDomain().toString();
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            // not a name Guava parses: fall back to the last two labels
        }
        int last = name.lastIndexOf('.');
        int previous = last < 0 ? -1 : name.lastIndexOf('.', last - 1);
        return name.substring(previous + 1);
    }

    /** An IP address literal as identifiers store it ({@code ::1} → {@code 0:0:0:0:0:0:0:1}); anything else as it is. */
    private static String canonicalIp(String entry) {
        if (!entry.matches("[0-9.]+|[0-9a-f:.]*:[0-9a-f:.]*")) {
            return entry;
        }
        try {
            return InetAddress.getByName(entry).getHostAddress();
        } catch (UnknownHostException e) {
            return entry;
        }
    }

    private static boolean isPublicSuffix(String name) {
        try {
            return InternetDomainName.from(name).isPublicSuffix();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String base(String stored) {
        String v = Identifiers.value(stored);
        return v.startsWith("*.") ? v.substring(2) : v;
    }
}
